import { findNodeAtOffset, getNodePath, type Node } from 'jsonc-parser';

/** Where an offset falls in a policy: which element of which statement, and whether on a key or a value. */
export interface PolicyLocation {
  readonly node: Node;
  readonly isKey: boolean;
  /** True inside a statement; `path` is then relative to the statement. */
  readonly inStatement: boolean;
  readonly statementIndex: number;
  readonly path: readonly (string | number)[];
}

export function locate(root: Node | undefined, offset: number): PolicyLocation | undefined {
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  if (!node) return undefined;
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  const fullPath = getNodePath(node);
  if (fullPath[0] !== 'Statement') return { node, isKey, inStatement: false, statementIndex: -1, path: fullPath };
  const indexed = typeof fullPath[1] === 'number';
  const path = fullPath.slice(indexed ? 2 : 1);
  // The "Statement" key itself, or the statement array, is top-level.
  if (path.length === 0 && (isKey || node.type !== 'object')) return { node, isKey, inStatement: false, statementIndex: -1, path: fullPath };
  return { node, isKey, inStatement: true, statementIndex: indexed ? (fullPath[1] as number) : 0, path };
}
