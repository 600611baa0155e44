import type { Node, Pair, Scalar } from 'yaml';
import type { Fix, RuleDefinition } from '../common/findings';
import { nearest } from '../common/suggest';
import { withoutTrailingSpace, type YamlRuleContext } from './context';
import { isMap, isScalar, isSeq, keyName, pairsOf, resolved, scalarSource } from './model';
import { describeType, type SpecNode } from './spec';

/**
 * Validates a YAML document against a specification written as data: unknown keys (with the
 * nearest valid key as a fix), wrong types, enum values, required keys, keys of another version,
 * deprecated keys and entry limits. Capability-specific rules run on top of it.
 */

export interface SchemaRules {
  readonly unknownKey: RuleDefinition;
  readonly wrongType: RuleDefinition;
  readonly invalidValue: RuleDefinition;
  readonly missingKey: RuleDefinition;
  readonly wrongVersion: RuleDefinition;
  readonly deprecated: RuleDefinition;
  readonly tooManyEntries: RuleDefinition;
  readonly commandIsMapping: RuleDefinition;
}

export interface ValidateOptions {
  readonly rules: SchemaRules;
  /** The document's spec version (e.g. "0.2"), for keys that exist only in some versions. */
  readonly version?: string;
  /** A custom rule may claim an unknown key (e.g. a misplaced key with a better message). */
  readonly claimUnknownKey?: (path: readonly string[], pair: Pair) => boolean;
  /** Keys compared case-insensitively (AppSpec Lambda/ECS keys come in both cases). */
  readonly caseInsensitiveKeys?: boolean;
  /** Human name for messages, e.g. "buildspec". */
  readonly label: string;
  /**
   * Top-level keys that a dedicated rule owns (e.g. "version", with its own codes for missing,
   * unsupported and quoted values): the validator neither requires nor checks their values.
   */
  readonly ownedKeys?: readonly string[];
}

const MAX_DEPTH = 48;

/** Walks a node against its spec; `path` is the list of keys leading to it (for messages). */
export function validateNode(context: YamlRuleContext, raw: unknown, spec: SpecNode, path: readonly string[], options: ValidateOptions): void {
  // Aliases can point back at their own ancestors: no real specification nests this deep.
  if (path.length > MAX_DEPTH) return;
  const node = resolved(context.model, raw);
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return; // empty values are handled by "required"
  const where = describeOwner(path, options);
  switch (spec.type) {
    case 'map':
      if (!isMap(node)) {
        wrongType(context, node, spec, where, options);
        return;
      }
      validateMap(context, node, spec, path, options);
      return;
    case 'dict': {
      if (!isMap(node)) {
        wrongType(context, node, spec, where, options);
        return;
      }
      const pairs = pairsOf(node);
      if (spec.maxEntries !== undefined && pairs.length > spec.maxEntries) {
        const extra = pairs[spec.maxEntries]!;
        context.report(
          options.rules.tooManyEntries,
          context.nodeRange(extra.key as Node),
          spec.maxEntries === 1
            ? `${where} holds ${pairs.length} names; each item takes exactly one (start a new "- " item for "${keyName(extra)}").`
            : `${where} has ${pairs.length} entries; at most ${spec.maxEntries} are allowed.`,
        );
      }
      if (spec.entry) for (const pair of pairs) validateNode(context, pair.value, spec.entry, [...path, keyName(pair) ?? ''], options);
      return;
    }
    case 'list':
    case 'commands': {
      const items = spec.type === 'commands' ? ({ type: 'string' } as SpecNode) : spec.items;
      if (isSeq(node)) {
        for (const item of node.items) {
          if (spec.type === 'commands') validateCommand(context, item, path, options);
          else if (items) validateNode(context, item, items, [...path, '[]'], options);
        }
        return;
      }
      if (isScalar(node) && spec.acceptScalar) {
        if (items) validateNode(context, node, items, [...path, '[]'], options);
        return;
      }
      wrongType(context, node, spec, where, options);
      return;
    }
    default:
      validateScalar(context, node, spec, where, options);
  }
}

function validateMap(context: YamlRuleContext, node: Node, spec: SpecNode, path: readonly string[], options: ValidateOptions): void {
  const keys = spec.keys ?? {};
  const names = Object.keys(keys);
  const present = new Set<string>();
  // Every key of the map, so that a rename never makes a duplicate key (which YAML rejects).
  const siblings = new Set(pairsOf(node).map((pair) => keyName(pair)));
  for (const pair of pairsOf(node)) {
    const name = keyName(pair);
    if (name === undefined) continue;
    const match = names.find((k) => k === name) ?? (options.caseInsensitiveKeys ? names.find((k) => k.toLowerCase() === name.toLowerCase()) : undefined);
    if (!match) {
      if (options.claimUnknownKey?.(path, pair)) continue;
      const suggestion = reportUnknownKey(
        context,
        pair,
        name,
        names.filter((n) => versionAllows(keys[n]!, options.version)),
        path,
        options,
        siblings,
      );
      // A misspelt key (pre-build) still gets its contents checked as the key it surely means.
      if (suggestion && !present.has(suggestion)) validateNode(context, pair.value, keys[suggestion]!, [...path, suggestion], options);
      continue;
    }
    present.add(match);
    if (path.length === 0 && options.ownedKeys?.includes(match)) continue;
    const child = keys[match]!;
    if (!versionAllows(child, options.version)) {
      context.report(
        options.rules.wrongVersion,
        context.nodeRange(pair.key as Node),
        `"${name}" belongs to ${options.label} version ${child.versions!.join('/')}, but this file is version ${options.version}.`,
      );
    } else if (child.deprecated) {
      context.report(options.rules.deprecated, context.nodeRange(pair.key as Node), `"${name}" is deprecated: ${child.deprecated}`);
    }
    validateNode(context, pair.value, child, [...path, match], options);
  }
  for (const name of names) {
    const child = keys[name]!;
    if (!child.required || present.has(name) || !versionAllows(child, options.version)) continue;
    if (path.length === 0 && options.ownedKeys?.includes(name)) continue;
    const anchor = path.length > 0 ? mapKeyRange(context, node) : context.nodeRange(pairsOf(node)[0]?.key as Node | undefined);
    context.report(options.rules.missingKey, anchor, `${describeOwner(path, options)} needs "${name}" (${describeType(child)}).`);
  }
}

/** "files" for a key, "Each item of files" for a list item, "The buildspec" at the top. */
function describeOwner(path: readonly string[], options: ValidateOptions): string {
  if (path.length === 0) return `The ${options.label}`;
  if (path.length >= 2 && path[path.length - 1] === '[]' && path[path.length - 2] !== '[]') {
    return `Each item of "${path[path.length - 2]}"`;
  }
  const last = path[path.length - 1]!;
  if (last !== '[]') return `"${last}"`;
  const list = [...path].reverse().find((p) => p !== '[]');
  return list ? `Each item of "${list}"` : 'Each item';
}

/** For a missing key, the report goes on the parent's key; the map's own range is a stand-in. */
function mapKeyRange(context: YamlRuleContext, node: Node) {
  const parentPair = findParentPair(context, node);
  return parentPair ? context.nodeRange(parentPair.key as Node) : context.nodeRange(node);
}

function findParentPair(context: YamlRuleContext, target: Node): Pair | undefined {
  let found: Pair | undefined;
  const visit = (node: unknown, depth: number) => {
    if (found || depth > 64) return;
    for (const pair of pairsOf(node)) {
      if (pair.value === target) {
        found = pair;
        return;
      }
      visit(pair.value, depth + 1);
      if (isSeq(pair.value)) for (const item of pair.value.items) visit(item, depth + 1);
    }
  };
  visit(context.model.doc.contents, 0);
  return found;
}

function versionAllows(spec: SpecNode, version: string | undefined): boolean {
  return !spec.versions || !version || spec.versions.includes(version);
}

function reportUnknownKey(
  context: YamlRuleContext,
  pair: Pair,
  name: string,
  candidates: string[],
  path: readonly string[],
  options: ValidateOptions,
  siblings: ReadonlySet<string | undefined>,
): string | undefined {
  const normalised = name.replace(/[-_ ]/g, '').toLowerCase();
  const suggestion = candidates.find((c) => c.replace(/[-_ ]/g, '').toLowerCase() === normalised) ?? nearest(name, candidates);
  const keyNode = pair.key as Node;
  const fixes: Fix[] =
    suggestion && !siblings.has(suggestion)
      ? [{ title: `Rename to "${suggestion}"`, edits: [context.renameScalar(keyNode, suggestion)], preferred: true }]
      : [];
  const where = path.length > 0 ? `under "${path.filter((p) => p !== '[]').join('.')}"` : `at the top of the ${options.label}`;
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : candidates.length > 0 ? ` Valid keys: ${candidates.join(', ')}.` : '';
  context.report(options.rules.unknownKey, context.nodeRange(keyNode), `Unknown key "${name}" ${where}.${hint}`, { fixes });
  return suggestion;
}

function wrongType(context: YamlRuleContext, node: Node, spec: SpecNode, where: string, options: ValidateOptions): void {
  const actual = isMap(node) ? 'a mapping' : isSeq(node) ? 'a list' : 'a single value';
  const fixes: Fix[] = [];
  if ((spec.type === 'list' || spec.type === 'commands') && isScalar(node)) {
    // `files: x` → a block list with one item, indented under the key. A value over several lines
    // gets no fix: moved into an item, its later lines would be indented less than the item's
    // content and read as something else (the fuzzer found "- BUILD_VERSION" continuing a value).
    const r = node.range;
    const source = r ? context.model.text.slice(r[0], r[1]) : '';
    if (r && !/[\r\n]/.test(source)) {
      const indent = context.lineIndent(r[0]) + ' '.repeat(context.indentUnit());
      fixes.push({ title: 'Make it a list', edits: [{ range: context.range(r[0], r[1] - r[0]), newText: `\n${indent}- ${source}` }], preferred: true });
    }
  }
  context.report(options.rules.wrongType, context.nodeRange(node), `${where} must be ${describeType(spec)}, not ${actual}.`, { fixes });
}

function validateCommand(context: YamlRuleContext, raw: unknown, path: readonly string[], options: ValidateOptions): void {
  const node = resolved(context.model, raw);
  if (!node || isScalar(node)) return;
  if (isMap(node)) {
    // `- echo a: b` is a mapping to YAML; CodeBuild then fails with "found subkeys instead".
    const r = node.range;
    const source = r ? withoutTrailingSpace(context.model.text.slice(r[0], r[1])) : '';
    const singleLine = r !== undefined && r !== null && !source.includes('\n');
    const quoted = `'${source.replace(/'/g, "''")}'`;
    context.report(
      options.rules.commandIsMapping,
      r ? context.range(r[0], source.length) : context.nodeRange(node),
      `YAML reads this command as a mapping because of ": " (CodeBuild: "found subkeys instead"); quote it: ${singleLine ? quoted : "'…'"}.`,
      { fixes: singleLine ? [{ title: 'Quote the command', edits: [{ range: context.range(r![0], source.length), newText: quoted }], preferred: true }] : [] },
    );
    return;
  }
  context.report(options.rules.wrongType, context.nodeRange(node), `Each entry of "${path[path.length - 1]}" must be a command string, not a list.`);
}

const TRUE_FALSE = /^(true|false|yes|no|on|off)$/i;

function validateScalar(context: YamlRuleContext, node: Node, spec: SpecNode, where: string, options: ValidateOptions): void {
  if (!isScalar(node)) {
    wrongType(context, node, spec, where, options);
    return;
  }
  const source = scalarSource(context.model, node as Scalar);
  switch (spec.type) {
    case 'boolean':
      if (!TRUE_FALSE.test(source))
        context.report(options.rules.invalidValue, context.nodeRange(node), `${where} takes yes/no (or true/false), not "${source}".`);
      return;
    case 'integer':
      if (!/^-?\d+$/.test(source) && !/^\$\{?\w+\}?$/.test(source))
        context.report(options.rules.invalidValue, context.nodeRange(node), `${where} takes a whole number, not "${source}".`);
      return;
    case 'enum': {
      const values = spec.values ?? [];
      const matches = spec.caseInsensitive ? values.some((v) => v.toLowerCase() === source.toLowerCase()) : values.includes(source);
      const patterned = (spec.patterns ?? []).some((p) => new RegExp(p, spec.caseInsensitive ? 'i' : '').test(source));
      if (matches || patterned) return;
      const suggestion = nearest(source, values);
      context.report(
        options.rules.invalidValue,
        context.nodeRange(node),
        `${where} cannot be "${source}": use ${values.join(', ')}${spec.patterns?.length ? ' (or a documented pattern form)' : ''}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        {
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [context.renameScalar(node, suggestion)], preferred: true }] : [],
        },
      );
      return;
    }
    default:
      return;
  }
}
