import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Converts an offset span to a range, clamping to the document so a stale offset can never throw. */
export function rangeOf(document: TextDocument, offset: number, length: number): Range {
  const size = document.getText().length;
  const start = Math.max(0, Math.min(offset, size));
  const end = Math.max(start, Math.min(offset + length, size));
  return { start: document.positionAt(start), end: document.positionAt(end) };
}
/** JSON string literal for a value, used by fixes that write text back into a document. */
export function jsonString(value: string): string {
  return JSON.stringify(value);
}

/** Milliseconds to one decimal, as the status and the benchmark show them. */
export const roundMs = (ms: number): number => Math.round(ms * 10) / 10;
