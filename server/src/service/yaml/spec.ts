/**
 * The shape of a specification written as data (knowledge/buildspec/spec.json and, later,
 * the AppSpec): what the generic validator, hovers and completion read.
 */
export interface SpecNode {
  readonly type: 'map' | 'dict' | 'list' | 'commands' | 'string' | 'integer' | 'boolean' | 'scalar' | 'enum';
  readonly doc?: string;
  readonly link?: string;
  readonly required?: boolean;
  /** Spec versions in which the key exists (e.g. buildspec 0.1 only). */
  readonly versions?: readonly string[];
  readonly deprecated?: string;
  readonly lifecycle?: string;
  readonly platform?: string;
  readonly defaultValue?: string;
  /** map: the fixed keys. */
  readonly keys?: Readonly<Record<string, SpecNode>>;
  /** dict: the value of every (user-named) entry. */
  readonly entry?: SpecNode;
  readonly keyDoc?: string;
  readonly maxEntries?: number;
  /** list: the items; acceptScalar when one plain value may stand for a list of one. */
  readonly items?: SpecNode;
  readonly acceptScalar?: boolean;
  /** enum */
  readonly values?: readonly string[];
  readonly caseInsensitive?: boolean;
  readonly patterns?: readonly string[];
}

/** A step in a path through a document: a map key, or `[]` for any list item. */
export type SpecPath = readonly string[];

/** The spec node for a path of keys (dict entries and list items are followed transparently). */
export function specAt(root: SpecNode, path: SpecPath): SpecNode | undefined {
  let node: SpecNode | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    if (step === '[]') node = node.items;
    else if (node.type === 'map') node = node.keys?.[step];
    else if (node.type === 'dict') node = node.entry;
    else if (node.type === 'list') node = node.items?.type === 'map' || node.items?.type === 'dict' ? specAt(node.items, [step]) : undefined;
    else return undefined;
  }
  return node;
}

/** One line describing the values a node accepts, for messages and hovers. */
export function describeType(spec: SpecNode): string {
  switch (spec.type) {
    case 'map':
      return 'a mapping of keys';
    case 'dict':
      return 'a mapping of names to values';
    case 'list':
      return spec.acceptScalar ? 'a list (or a single value)' : 'a list';
    case 'commands':
      return 'a list of commands';
    case 'boolean':
      return 'yes/no (or true/false)';
    case 'integer':
      return 'a whole number';
    case 'enum':
      return `one of ${(spec.values ?? []).join(', ')}`;
    default:
      return 'a single value';
  }
}
