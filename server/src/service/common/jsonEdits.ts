import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { rangeOf } from './text';

/**
 * Deletes a property or array element together with the comma that separates it from
 * its neighbours, so the document stays valid JSON after the edit.
 */
export function removeNodeEdit(document: TextDocument, node: Node): TextEdit {
  const siblings = node.parent?.children ?? [];
  const index = siblings.indexOf(node);
  const next = index >= 0 ? siblings[index + 1] : undefined;
  const previous = index > 0 ? siblings[index - 1] : undefined;
  if (next) return { range: rangeOf(document, node.offset, next.offset - node.offset), newText: '' };
  if (previous) {
    const previousEnd = previous.offset + previous.length;
    return { range: rangeOf(document, previousEnd, node.offset + node.length - previousEnd), newText: '' };
  }
  return { range: rangeOf(document, node.offset, node.length), newText: '' };
}
/** The whitespace before a node on its line, to indent inserted siblings the same way. */
export function indentationOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  return /^\s*$/.test(prefix) ? prefix : '';
}
