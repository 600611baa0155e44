import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { parseJsonTreeWithin, TOO_DEEP } from '../common/fastJson';
import { withoutTrailingSpace } from '../yaml/context';
import { withLineFeeds } from '../yaml/lineFeeds';
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node as YamlNode, parseDocument, Scalar } from 'yaml';
import { yamlNestedBeyond } from '../yaml/depth';
import type { YamlModel } from '../yaml/model';

/**
 * One tree for YAML and JSON templates, with source offsets on every node. Embedded policies are
 * found and rendered from this tree, so the rest of the kind never cares which syntax the
 * template was written in. Intrinsic functions are nodes of their own (`!Sub` and
 * `{"Fn::Sub": …}` alike), which is what lets the policy analysis treat them as placeholders.
 */

interface Span {
  /** [start, end) of the value in the template text. */
  readonly start: number;
  readonly end: number;
}

export interface TMap extends Span {
  readonly type: 'map';
  readonly entries: readonly TEntry[];
}

export interface TEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Where the key's text starts when it equals the key (plain or quoted without escapes). */
  readonly keyContent?: number;
  readonly value: TNode | undefined;
}

export interface TSeq extends Span {
  readonly type: 'seq';
  readonly items: readonly TNode[];
}

export interface TScalar extends Span {
  readonly type: 'scalar';
  readonly value: string | number | boolean | null;
  /** Offset of the value's text when the source equals the value, so ranges inside it are exact. */
  readonly content?: number;
}

export interface TIntrinsic extends Span {
  readonly type: 'intrinsic';
  /** The long form's name: Ref, Condition, Fn::Sub, Fn::GetAtt… */
  readonly name: string;
  readonly argument: TNode | undefined;
}

export type TNode = TMap | TSeq | TScalar | TIntrinsic;

export interface ParsedTemplate {
  readonly root: TNode | undefined;
  /** Set for YAML templates, for the shared YAML syntax checks. */
  readonly yaml?: YamlModel;
  /** JSON syntax errors, described by the shared JSON layer. */
  readonly jsonErrors: readonly ParseError[];
  /** Set when a JSON template nests too deeply to parse safely. */
  readonly tooDeep?: boolean;
}

/** The short forms CloudFormation accepts in YAML; each may tag a scalar, a sequence or a mapping. */
export const SHORT_FORMS = [
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'Join',
  'If',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'Base64',
  'Cidr',
  'GetAZs',
  'And',
  'Or',
  'Not',
  'Equals',
  'Transform',
  'Length',
  'ToJsonString',
  'ForEach',
] as const;

const CUSTOM_TAGS = SHORT_FORMS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
]);

const longName = (short: string) => (short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`);

/** Deeper than this no template goes; the recursive walk stops rather than risk the stack. */
const MAX_DEPTH = 200;

export function parseTemplate(text: string, json: boolean): ParsedTemplate {
  return json ? parseJsonTemplate(text) : parseYamlTemplate(text);
}

export function parseYamlTemplate(source: string): ParsedTemplate {
  const text = withLineFeeds(source);
  // Refused before the parser sees it: deep nesting exhausts the yaml package's recursion (and then V8's regular expressions; see yaml/depth.ts).
  if (yamlNestedBeyond(text, MAX_DEPTH) !== undefined) return { root: undefined, jsonErrors: [], tooDeep: true };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: true, prettyErrors: false, uniqueKeys: true, customTags: CUSTOM_TAGS });
  const errors = [...doc.errors, ...doc.warnings].map((e) => ({
    code: e.code,
    message: e.message.split('\n')[0] ?? e.message,
    offset: e.pos[0],
    length: Math.max(1, e.pos[1] - e.pos[0]),
  }));
  const yaml: YamlModel = { text, doc, errors, tabLines: indentTabs(text) };
  return { root: yamlTree(text, doc).root, yaml, jsonErrors: [] };
}

/** A piece of YAML read on its own: its tree, and whether reading it alone could differ from reading it in place. */
export interface YamlTree {
  readonly root: TNode | undefined;
  /** Errors or warnings, anchors or aliases: what only the whole document can settle. */
  readonly needsWholeDocument: boolean;
}

/** Parses YAML text without the syntax model, for the pieces of a template read one by one. */
export function parseYamlPiece(text: string): YamlTree {
  if (yamlNestedBeyond(text, MAX_DEPTH) !== undefined) return { root: undefined, needsWholeDocument: true };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, customTags: CUSTOM_TAGS });
  const tree = yamlTree(text, doc);
  return { root: tree.root, needsWholeDocument: tree.needsWholeDocument || doc.errors.length > 0 || doc.warnings.length > 0 };
}

interface YamlContext {
  readonly text: string;
  readonly doc: Document.Parsed;
  /** Set when an anchor or an alias is met, or the depth limit: reading the piece alone might differ. */
  needsWhole: boolean;
  /** Nodes read through aliases so far: nested aliases multiply ("billion laughs"), so their reading is bounded. */
  aliased: number;
  /** Anchored nodes by name, in document order, collected on the first alias. */
  anchors?: Map<string, YamlNode[]>;
}

/** More nodes than this read through aliases, and further aliases are left unread. */
const MAX_ALIASED_NODES = 10_000;

function yamlTree(text: string, doc: Document.Parsed): YamlTree {
  const context: YamlContext = { text, doc, needsWhole: false, aliased: 0 };
  const root = fromYaml(context, doc.contents as YamlNode | null, 0);
  return { root, needsWholeDocument: context.needsWhole };
}

function indentTabs(text: string): { offset: number; length: number }[] {
  const found: { offset: number; length: number }[] = [];
  for (const match of text.matchAll(/^([ ]*\t[ \t]*)(?=\S)/gm)) found.push({ offset: match.index, length: match[1]!.length });
  return found;
}

function fromYaml(context: YamlContext, node: YamlNode | null | undefined, depth: number, flow = false): TNode | undefined {
  if (!node) return undefined;
  if (depth > MAX_DEPTH) {
    context.needsWhole = true;
    return undefined;
  }
  const { text } = context;
  if (isAlias(node)) {
    context.needsWhole = true;
    if (context.aliased > MAX_ALIASED_NODES) return undefined;
    // Read the anchored node (CloudFormation itself rarely sees aliases, but YAML allows them).
    try {
      const before = context.aliased;
      const read = fromYaml(context, anchored(context, node), depth + 1, flow);
      context.aliased = before + 1 + countNodes(read, MAX_ALIASED_NODES);
      return read;
    } catch {
      return undefined;
    }
  }
  if (node.anchor) context.needsWhole = true;
  const range = node.range;
  if (!range) return undefined;
  const [start, end] = trimmed(text, range[0], range[1]);
  const tag = node.tag?.startsWith('!') ? node.tag.slice(1) : undefined;
  const plain = fromYamlPlain(context, node, start, end, depth, flow);
  if (tag && (SHORT_FORMS as readonly string[]).includes(tag)) {
    // The tag sits before the value: the intrinsic's span starts at the "!".
    const tagStart = text.lastIndexOf(`!${tag}`, start);
    return { type: 'intrinsic', name: longName(tag), argument: plain, start: tagStart >= 0 ? tagStart : start, end };
  }
  return plain;
}

function fromYamlPlain(context: YamlContext, node: YamlNode, start: number, end: number, depth: number, flow: boolean): TNode | undefined {
  const { text } = context;
  if (isScalar(node)) {
    if (node.value === null) return { type: 'scalar', value: null, start, end };
    // CloudFormation reads every scalar as a string (2012-10-17, 123456789012, true), so the text as written is the value.
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
    const value = quoted || block ? String(node.value) : (node.source ?? text.slice(start, end));
    const contentStart = quoted ? start + 1 : start;
    // A plain scalar inside [ ] or { } ends at a comma or bracket: text edited into it could end it early, so it is not exact.
    const exact =
      !block &&
      !(flow && !quoted) &&
      text.slice(contentStart, contentStart + value.length) === value &&
      (!quoted || text[contentStart + value.length] === text[start]);
    return { type: 'scalar', value, start, end, content: exact ? contentStart : undefined };
  }
  if (isSeq(node)) {
    const items: TNode[] = [];
    for (const item of node.items) {
      const child = fromYaml(context, item as YamlNode, depth + 1, flow || node.flow === true);
      if (child) items.push(child);
    }
    return { type: 'seq', items, start, end };
  }
  if (isMap(node)) {
    const entries: TEntry[] = [];
    for (const pair of node.items) {
      if (isPair(pair) && (isAlias(pair.key) || (pair.key as YamlNode | null)?.anchor)) context.needsWhole = true;
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const key = pair.key;
      const [keyStart, keyEnd] = trimmed(text, key.range![0], key.range![1]);
      const name = key.value === null ? '' : String(key.value);
      const quoted = key.type === Scalar.QUOTE_DOUBLE || key.type === Scalar.QUOTE_SINGLE;
      const contentStart = quoted ? keyStart + 1 : keyStart;
      const exact = text.slice(contentStart, contentStart + name.length) === name;
      entries.push({
        key: name,
        keyStart,
        keyEnd,
        keyContent: exact ? contentStart : undefined,
        value: fromYaml(context, pair.value as YamlNode, depth + 1, flow || node.flow === true),
      });
    }
    return longForm(entries, start, end) ?? { type: 'map', entries, start, end };
  }
  return undefined;
}

/** `{"Ref": …}` and `{"Fn::…": …}` (in JSON, or as a YAML mapping) are the long forms of the intrinsic functions. */
function longForm(entries: readonly TEntry[], start: number, end: number): TIntrinsic | undefined {
  const only = entries.length === 1 ? entries[0]! : undefined;
  return only && (only.key === 'Ref' || only.key.startsWith('Fn::')) ? { type: 'intrinsic', name: only.key, argument: only.value, start, end } : undefined;
}

/** Block collections end after their last newline; findings should stop at the last visible character. */
function trimmed(text: string, start: number, end: number): [number, number] {
  return [start, start + withoutTrailingSpace(text.slice(start, end)).length];
}

function parseJsonTemplate(text: string): ParsedTemplate {
  const jsonErrors: ParseError[] = [];
  const tree = parseJsonTreeWithin(text, jsonErrors, { allowTrailingComma: false, disallowComments: true }, MAX_DEPTH);
  if (tree === TOO_DEEP) return { root: undefined, jsonErrors: [], tooDeep: true };
  return { root: fromJson(tree), jsonErrors };
}

function fromJson(node: JsonNode | undefined): TNode | undefined {
  if (!node) return undefined;
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const entries: TEntry[] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || typeof key.value !== 'string') continue;
        const exact = key.length - 2 === key.value.length;
        entries.push({
          key: key.value,
          keyStart: key.offset,
          keyEnd: key.offset + key.length,
          keyContent: exact ? key.offset + 1 : undefined,
          value: fromJson(value),
        });
      }
      return longForm(entries, start, end) ?? { type: 'map', entries, start, end };
    }
    case 'array':
      return { type: 'seq', items: (node.children ?? []).map(fromJson).filter((n): n is TNode => n !== undefined), start, end };
    case 'string': {
      const value = String(node.value);
      return { type: 'scalar', value, start, end, content: node.length - 2 === value.length ? start + 1 : undefined };
    }
    case 'number':
    case 'boolean':
    case 'null':
      return { type: 'scalar', value: node.value as number | boolean | null, start, end };
    default:
      return undefined;
  }
}

/** The value of a map's entry by key. */
export function entryValue(node: TNode | undefined, key: string): TNode | undefined {
  return node?.type === 'map' ? node.entries.find((entry) => entry.key === key)?.value : undefined;
}

/** A scalar's value as a string, for Type and similar keys. */
export function scalarString(node: TNode | undefined): string | undefined {
  return node?.type === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** The map entry whose key spans `offset`, anywhere in the tree. */
export function entryAtKey(node: TNode | undefined, offset: number, depth = 0): TEntry | undefined {
  if (!node || depth > MAX_DEPTH || offset < node.start || offset > node.end) return undefined;
  if (node.type === 'map') {
    for (const entry of node.entries) {
      if (entry.keyStart <= offset && offset <= entry.keyEnd) return entry;
      const inner = entryAtKey(entry.value, offset, depth + 1);
      if (inner) return inner;
    }
  } else if (node.type === 'seq') {
    for (const item of node.items) {
      const inner = entryAtKey(item, offset, depth + 1);
      if (inner) return inner;
    }
  } else if (node.type === 'intrinsic') return entryAtKey(node.argument, offset, depth + 1);
  return undefined;
}

/** Nodes in a tree, counting no further than `limit`. */
function countNodes(node: TNode | undefined, limit: number): number {
  let count = 0;
  const stack: (TNode | undefined)[] = [node];
  while (stack.length > 0 && count <= limit) {
    const next = stack.pop();
    if (!next) continue;
    count++;
    if (next.type === 'map') for (const entry of next.entries) stack.push(entry.value);
    else if (next.type === 'seq') stack.push(...next.items);
    else if (next.type === 'intrinsic') stack.push(next.argument);
  }
  return count;
}

/**
 * The node an alias names: the last node anchored with that name before it. (The `yaml`
 * package's own Alias.resolve walks the whole document, copying every node's path, on every
 * alias: seconds for a document with many aliases and deep nesting, found by the fuzzer.)
 */
function anchored(context: YamlContext, alias: YamlNode): YamlNode | undefined {
  if (!isAlias(alias)) return undefined;
  if (!context.anchors) {
    const anchors = new Map<string, YamlNode[]>();
    const stack: unknown[] = [context.doc.contents];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === null || node === undefined) continue;
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor) anchors.set(anchor, [...(anchors.get(anchor) ?? []), node as YamlNode]);
      if (isPair(node)) stack.push(node.value, node.key);
      else if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
    context.anchors = anchors;
  }
  const at = alias.range?.[0] ?? Number.POSITIVE_INFINITY;
  const candidates = context.anchors.get(alias.source) ?? [];
  let found: YamlNode | undefined;
  for (const candidate of candidates) if ((candidate.range?.[0] ?? 0) < at) found = candidate;
  return found;
}
