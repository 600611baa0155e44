import type { Node, ParseError } from 'jsonc-parser';
import { parseJsonTreeWithin, TOO_DEEP } from '../common/fastJson';

/**
 * The parsed form of one policy document. Every value keeps its jsonc-parser node so that
 * rules, hovers and fixes can point at the exact token; the model is built once per
 * document version and shared by every feature.
 */

/** endpoint: a VPC endpoint policy; rcp: an AWS Organizations resource control policy. */
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'endpoint';

/** A JSON string value with the offsets of its text between the quotes. */
export interface JsonString {
  readonly value: string;
  readonly node: Node;
  /** Offset of the first character after the opening quote. */
  readonly contentOffset: number;
  /** Length of the text between the quotes as written (escapes included). */
  readonly contentLength: number;
  /** True when the source text equals the value, so sub-ranges inside the string are exact. */
  readonly verbatim: boolean;
}

/** An element such as Action or Resource whose value is a string or an array of strings. */
export interface StringListElement {
  readonly name: string;
  readonly property: Node;
  readonly keyNode: Node;
  readonly valueNode: Node;
  readonly strings: readonly JsonString[];
  /** Entries that are not strings (numbers, objects…): reported by the structure rules. */
  readonly nonStrings: readonly Node[];
}

export interface StatementModel {
  readonly index: number;
  readonly node: Node;
  /** First property node by exact key. */
  readonly properties: ReadonlyMap<string, Node>;
  readonly sid?: JsonString;
  readonly effect?: JsonString;
  readonly action?: StringListElement;
  readonly notAction?: StringListElement;
  readonly resource?: StringListElement;
  readonly notResource?: StringListElement;
  readonly principal?: Node;
  readonly notPrincipal?: Node;
  readonly condition?: Node;
}

export interface PolicyModel {
  readonly text: string;
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  /** Set when the document is nested too deeply to parse safely. */
  readonly tooDeep: boolean;
  readonly version?: JsonString;
  readonly versionProperty?: Node;
  readonly statementProperty?: Node;
  readonly statements: readonly StatementModel[];
  /**
   * Where the policy sits when the file wraps it (AWS CLI or API output, a template fragment):
   * "PolicyVersion.Document", "Role.AssumeRolePolicyDocument"… Rules read the inner document.
   */
  readonly wrapper?: string;
  /** The kind the wrapper implies (an AssumeRolePolicyDocument is a trust policy). */
  readonly wrapperKind?: PolicyKind;
}

/** Beyond this nesting depth the recursive parser could exhaust the stack; no real policy comes close. */
export const MAX_NESTING_DEPTH = 256;

export function parsePolicy(text: string): PolicyModel {
  const syntaxErrors: ParseError[] = [];
  const tree = parseJsonTreeWithin(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true }, MAX_NESTING_DEPTH);
  if (tree === TOO_DEEP) return { text, root: undefined, syntaxErrors: [], tooDeep: true, statements: [] };
  const unwrapped = tree?.type === 'object' ? unwrap(tree) : undefined;
  const root = unwrapped?.node ?? tree;
  const base = { text, root, syntaxErrors, tooDeep: false, wrapper: unwrapped?.path, wrapperKind: unwrapped?.kind };
  if (root?.type !== 'object') return { ...base, statements: [] };
  const props = propertyMap(root);
  const versionProperty = props.get('Version');
  const statementProperty = props.get('Statement');
  const statementValue = statementProperty?.children?.[1];
  const statementNodes = statementValue?.type === 'array' ? (statementValue.children ?? []) : statementValue?.type === 'object' ? [statementValue] : [];
  const statements: StatementModel[] = [];
  statementNodes.forEach((node, index) => {
    if (node.type === 'object') statements.push(parseStatement(text, node, index));
  });
  return {
    ...base,
    version: asJsonString(text, versionProperty?.children?.[1]),
    versionProperty,
    statementProperty,
    statements,
  };
}

/**
 * Policy documents people keep as the AWS CLI prints them: get-policy-version
 * ({"PolicyVersion": {"Document": …}}), get-role ({"Role": {"AssumeRolePolicyDocument": …}}),
 * get-role-policy / get-user-policy ({"PolicyDocument": …}). A root that is itself a policy stays.
 */
const WRAPPERS: readonly { readonly path: readonly string[]; readonly kind?: PolicyKind }[] = [
  { path: ['PolicyVersion', 'Document'] },
  { path: ['PolicyDocument'] },
  { path: ['Document'] },
  { path: ['Role', 'AssumeRolePolicyDocument'], kind: 'trust' },
  { path: ['AssumeRolePolicyDocument'], kind: 'trust' },
];

function unwrap(root: Node): { node: Node; path: string; kind?: PolicyKind } | undefined {
  const top = propertyMap(root);
  if (top.has('Statement') || top.has('Version')) return undefined;
  for (const wrapper of WRAPPERS) {
    let node: Node | undefined = root;
    for (const key of wrapper.path) node = node?.type === 'object' ? propertyMap(node).get(key)?.children?.[1] : undefined;
    if (node?.type === 'object' && propertyMap(node).has('Statement')) return { node, path: wrapper.path.join('.'), kind: wrapper.kind };
  }
  return undefined;
}

export function parseStatement(text: string, node: Node, index: number): StatementModel {
  const properties = propertyMap(node);
  const value = (name: string) => properties.get(name)?.children?.[1];
  return {
    index,
    node,
    properties,
    sid: asJsonString(text, value('Sid')),
    effect: asJsonString(text, value('Effect')),
    action: stringList(text, 'Action', properties.get('Action')),
    notAction: stringList(text, 'NotAction', properties.get('NotAction')),
    resource: stringList(text, 'Resource', properties.get('Resource')),
    notResource: stringList(text, 'NotResource', properties.get('NotResource')),
    principal: value('Principal'),
    notPrincipal: value('NotPrincipal'),
    condition: value('Condition'),
  };
}

/**
 * Whether another key of the same object already has the name a fix would give this key: the
 * fix would then make a duplicate key (IAM keeps one of the two; YAML refuses the template), so
 * it is not offered. Also tells whether removing a key leaves another of the same name.
 */
export function keyTaken(keyNode: Node, name: string): boolean {
  const object = keyNode.parent?.parent;
  return (object?.children ?? []).some((property) => property !== keyNode.parent && property.children?.[0]?.value === name);
}

/** Property nodes of an object by key; the first occurrence wins, as duplicates are reported separately. */
export function propertyMap(object: Node): Map<string, Node> {
  const map = new Map<string, Node>();
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (property.type === 'property' && key && typeof key.value === 'string' && !map.has(key.value)) map.set(key.value, property);
  }
  return map;
}

export function stringList(text: string, name: string, property: Node | undefined): StringListElement | undefined {
  const keyNode = property?.children?.[0];
  const valueNode = property?.children?.[1];
  if (!property || !keyNode || !valueNode) return undefined;
  const entries = valueNode.type === 'array' ? (valueNode.children ?? []) : [valueNode];
  const strings: JsonString[] = [];
  const nonStrings: Node[] = [];
  for (const entry of entries) {
    const s = asJsonString(text, entry);
    if (s) strings.push(s);
    else nonStrings.push(entry);
  }
  return { name, property, keyNode, valueNode, strings, nonStrings };
}

/** Strings inside a value that may be a string or an array of strings (Principal and Condition values). */
export function stringsOf(text: string, node: Node | undefined): JsonString[] {
  if (!node) return [];
  const entries = node.type === 'array' ? (node.children ?? []) : [node];
  return entries.map((entry) => asJsonString(text, entry)).filter((s): s is JsonString => !!s);
}

export function asJsonString(_text: string, node: Node | undefined): JsonString | undefined {
  if (node?.type !== 'string' || typeof node.value !== 'string') return undefined;
  return new NodeString(node.value, node);
}

/**
 * Offsets are read from the node when asked, not copied: an edit inside one statement moves the
 * nodes after it (reparse.ts), and the strings of the statements it did not touch stay right.
 */
class NodeString implements JsonString {
  readonly verbatim: boolean;
  constructor(
    readonly value: string,
    readonly node: Node,
  ) {
    // Every escape takes more characters in the source than in the value, so equal lengths mean none.
    this.verbatim = Math.max(0, node.length - 2) === value.length;
  }
  get contentOffset(): number {
    return this.node.offset + 1;
  }
  get contentLength(): number {
    return Math.max(0, this.node.length - 2);
  }
}
