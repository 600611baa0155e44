// Converts the buildspec specification written as data (knowledge/buildspec/spec.json, shape in
// server/src/service/yaml/spec.ts) into an equivalent JSON Schema (draft-07), so that generic
// schema-driven tools (yaml-language-server, ajv…) can check the same structure our validator does.
//
//   node scripts/buildspec-schema.mjs [out.json]     writes the schema (to stdout without a path)
//
// What the schema can express is the specification's structure: keys, types, enum values,
// required keys, entry limits, keys of another buildspec version and deprecations. The
// buildspec-specific rules on top of it (runtime names and versions, CODEBUILD_ variables,
// secrets references, batch build types and dependencies, quoted versions, fallback keys…) are
// code in server/src/service/buildspec/rules and are not part of this conversion.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SPEC_PATH = path.join(root, 'knowledge', 'buildspec', 'spec.json');

/** The words our validator accepts for a boolean (case-insensitive: /^(true|false|yes|no|on|off)$/i). */
const BOOLEAN_WORDS = ['yes', 'no', 'true', 'false', 'on', 'off'];
/** Whole numbers, or a shell variable standing for one ($N, ${N}), as our validator accepts them. */
const INTEGER_STRING = '^(?:-?\\d+|\\$\\{?\\w+\\}?)$';

/** Converts spec.json (the parsed file) into a draft-07 JSON Schema for a whole buildspec. */
export function buildspecJsonSchema(spec) {
  if (!spec?.root) throw new Error('not a specification: it has no "root" node');
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://aws-study-hints.invalid/schemas/buildspec.schema.json',
    title: 'AWS CodeBuild buildspec',
    ...convert(spec.root),
  };
  const versionRules = versionConstraints(spec.root);
  if (versionRules.length > 0) schema.allOf = versionRules;
  return schema;
}

/** Reads spec.json from its usual place and converts it. */
export function loadBuildspecJsonSchema(specPath = SPEC_PATH) {
  return buildspecJsonSchema(JSON.parse(fs.readFileSync(specPath, 'utf8')));
}

function convert(node) {
  if (!node || typeof node !== 'object') return {};
  return { ...annotations(node), ...shape(node) };
}

/** description / markdownDescription / default / deprecationMessage from the node's documentation. */
function annotations(node) {
  const out = {};
  const text = [
    node.doc ?? node.keyDoc,
    node.lifecycle,
    node.deprecated ? `Deprecated: ${node.deprecated}` : undefined,
    node.platform ? `Platform: ${node.platform} only.` : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  if (text) out.description = text;
  // yaml-language-server and VS Code show markdownDescription in hovers when present.
  if (text && node.link) out.markdownDescription = `${text}\n\n[Reference](${node.link})`;
  if (node.deprecated) out.deprecationMessage = node.deprecated; // a VS Code / yaml-language-server extension keyword
  if (node.defaultValue !== undefined) out.default = node.defaultValue;
  return out;
}

function shape(node) {
  switch (node.type) {
    case 'map': {
      const keys = node.keys ?? {};
      const properties = Object.fromEntries(Object.entries(keys).map(([name, child]) => [name, convert(child)]));
      const required = Object.entries(keys)
        .filter(([, child]) => child.required)
        .map(([name]) => name);
      return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
    }
    case 'dict': {
      // Entries are user-named (variables, report groups, runtimes…): any name, each value of `entry`.
      const entry = node.entry ? convert({ ...node.entry, doc: node.entry.doc ?? node.keyDoc }) : true;
      return { type: 'object', additionalProperties: entry, ...(node.maxEntries !== undefined ? { maxProperties: node.maxEntries } : {}) };
    }
    case 'list': {
      const items = node.items ? convert(node.items) : {};
      const array = { type: 'array', items };
      return node.acceptScalar ? { anyOf: [items, array] } : array;
    }
    case 'commands':
      return { type: 'array', items: { type: 'string' } };
    case 'boolean':
      return { anyOf: [{ type: 'boolean' }, { type: 'string', enum: caseVariants(BOOLEAN_WORDS) }] };
    case 'integer':
      return { anyOf: [{ type: 'integer' }, { type: 'string', pattern: INTEGER_STRING }] };
    case 'enum':
      return enumShape(node);
    case 'string':
      return { type: 'string' };
    case 'scalar':
      return { type: ['string', 'number', 'boolean'] };
    default:
      throw new Error(`unknown spec node type "${node.type}"`);
  }
}

function enumShape(node) {
  const values = node.values ?? [];
  // Our validator compares the source text, so `version: 0.2` (a YAML number) is the value "0.2";
  // to a schema it is the number 0.2, which must be listed too.
  const listed = [...values, ...values.filter(isPlainNumber).map(Number)];
  const alternatives = [];
  if (node.caseInsensitive && values.length > 0) {
    alternatives.push({ type: 'string', pattern: `^(?:${values.map((v) => caseInsensitivePattern(escapeRegExp(v))).join('|')})$` });
  }
  for (const pattern of node.patterns ?? []) {
    alternatives.push({ type: 'string', pattern: node.caseInsensitive ? caseInsensitivePattern(pattern) : pattern });
  }
  // The plain enum comes first so that completion offers its values.
  return alternatives.length === 0 ? { enum: listed } : { anyOf: [{ enum: listed }, ...alternatives] };
}

/**
 * Keys that exist only in some versions (0.1 environment_variables, 0.2 env): for each version
 * value, an if/then that forbids the keys of the other versions. Only keys reached through maps
 * from the root can be addressed this way (the version is a root key), which is where they are.
 */
function versionConstraints(rootNode) {
  const versionNode = rootNode.keys?.version;
  if (versionNode?.type !== 'enum') return [];
  const constraints = [];
  for (const version of versionNode.values ?? []) {
    const forbidden = forbiddenFor(rootNode, version);
    if (!forbidden) continue;
    constraints.push({
      if: { properties: { version: { enum: isPlainNumber(version) ? [version, Number(version)] : [version] } }, required: ['version'] },
      then: forbidden,
    });
  }
  return constraints;
}

/** A schema forbidding the keys under `node` (a map) that do not exist in `version`; undefined when none. */
function forbiddenFor(node, version) {
  if (node.type !== 'map') return undefined;
  const properties = {};
  for (const [name, child] of Object.entries(node.keys ?? {})) {
    if (child.versions && !child.versions.includes(version)) {
      properties[name] = { not: {}, description: `"${name}" belongs to buildspec version ${child.versions.join('/')}, not ${version}.` };
    } else {
      const nested = forbiddenFor(child, version);
      if (nested) properties[name] = nested;
    }
  }
  return Object.keys(properties).length > 0 ? { properties } : undefined;
}

function isPlainNumber(value) {
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && String(Number(value)) === value;
}

function caseVariants(words) {
  const variants = words.flatMap((w) => [w.toLowerCase(), w[0].toUpperCase() + w.slice(1).toLowerCase(), w.toUpperCase()]);
  return [...new Set(variants)];
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Rewrites an ECMAScript pattern so that it matches case-insensitively without the `i` flag
 * (JSON Schema patterns have no flags): a letter x becomes [xX], letters in a class gain their
 * other case (a-z also adds A-Z). Escapes (\d, \w, \.…) are kept as they are.
 */
export function caseInsensitivePattern(pattern) {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const escaped = pattern.slice(i).match(/^\\(?:[pPu]\{[^}]*\}|k<[^>]*>|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[A-Za-z]|[\s\S]?)/)[0];
      out += escaped;
      i += escape.length - 1;
    } else if (c === '(' && pattern[i + 1] === '?') {
      const group = pattern.slice(i).match(/^\(\?(?:<[=!]|<[^>]*>|[:=!])?/)[0];
      out += group;
      i += group.length - 1;
    } else if (c === '[') {
      const tokens = [];
      let j = i + 1;
      if (pattern[j] === '^') j++;
      const head = pattern.slice(i, j);
      for (; j < pattern.length && pattern[j] !== ']'; j++) tokens.push(pattern[j] === '\\' ? pattern[j] + pattern[++j] : pattern[j]);
      const extra = [];
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k];
        if (tokens[k + 1] === '-' && k + 2 < tokens.length) {
          const [from, to] = [t, tokens[k + 2]];
          if (isLetter(from) && isLetter(to) && swap(from) !== from && swap(to) !== to) extra.push(`${swap(from)}-${swap(to)}`);
          k += 2;
        } else if (isLetter(t) && swap(t) !== t && !tokens.includes(swap(t))) extra.push(swap(t));
      }
      // A trailing "-" stays last, so that the added letters cannot turn it into a range.
      const trailingDash = tokens.length > 1 && tokens[tokens.length - 1] === '-' ? tokens.pop() : '';
      out += `${head + tokens.join('') + extra.join('') + trailingDash}]`;
      i = j;
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      const quantifier = pattern.slice(i).match(/^\{\d+(,\d*)?\}/)[0];
      out += quantifier;
      i += quantifier.length - 1;
    } else if (isLetter(c) && swap(c) !== c) {
      out += `[${c}${swap(c)}]`;
    } else {
      out += c;
    }
  }
  return out;
}

const isLetter = (c) => typeof c === 'string' && c.length === 1 && /\p{L}/u.test(c);
const swap = (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  const text = `${JSON.stringify(loadBuildspecJsonSchema(), null, 2)}\n`;
  if (out) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, text);
    console.error(`wrote ${out} (${text.length} bytes)`);
  } else {
    process.stdout.write(text);
  }
}
