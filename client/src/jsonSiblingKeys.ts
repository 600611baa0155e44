import { findNodeAtOffset, type Node, parseTree } from 'jsonc-parser';

/**
 * The property names VS Code's built-in JSON language features propose on their own at a
 * position of a document that has no JSON schema: the keys of "similar" objects — the other
 * elements of the same array, or the other objects held by a property of the same name. Our
 * server proposes the same names (with their documentation), so without this the list shows
 * Action, Effect and Resource twice. The client drops its own copy of these names when the JSON
 * extension is active; its documentation stays in the hover.
 */
export function keysProposedBySiblings(text: string, offset: number): Set<string> {
  const keys = new Set<string>();
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return keys;
  const object = enclosingObject(findNodeAtOffset(root, offset, true), offset);
  if (!object) return keys;
  const add = (similar: Node) => {
    for (const property of similar.children ?? []) {
      const key = property.children?.[0]?.value;
      if (typeof key === 'string') keys.add(key);
    }
  };
  const parent = object.parent;
  if (parent?.type === 'array') {
    for (const item of parent.children ?? []) if (item !== object && item.type === 'object') add(item);
  } else if (parent?.type === 'property') {
    const name = parent.children?.[0]?.value;
    visit(root, (node) => {
      if (node.type === 'property' && node !== parent && node.children?.[0]?.value === name && node.children?.[1]?.type === 'object') add(node.children[1]);
    });
  }
  return keys;
}

/** The object whose property list the offset is in (the cursor may be on a key, in whitespace or after a comma). */
function enclosingObject(node: Node | undefined, offset: number): Node | undefined {
  for (let current = node; current; current = current.parent) {
    if (current.type === 'object' && offset > current.offset && offset < current.offset + current.length) return current;
  }
  return undefined;
}

function visit(node: Node, callback: (node: Node) => void): void {
  callback(node);
  for (const child of node.children ?? []) visit(child, callback);
}
