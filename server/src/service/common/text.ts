import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Converts an offset span to a range, clamping to the document so a stale offset can never throw. */
export function rangeOf(document: TextDocument, offset: number, length: number): Range {
  const size = document.getText().length;
  const start = Math.max(0, Math.min(offset, size));
  const end = Math.max(start, Math.min(offset + length, size));
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function containsPosition(range: Range, position: Position): boolean {
  if (position.line < range.start.line || position.line > range.end.line) return false;
  if (position.line === range.start.line && position.character < range.start.character) return false;
  if (position.line === range.end.line && position.character > range.end.character) return false;
  return true;
}

/** JSON string literal for a value, used by fixes that write text back into a document. */
export function jsonString(value: string): string {
  return JSON.stringify(value);
}

/** Milliseconds to one decimal, as the status and the benchmark show them. */
export const roundMs = (ms: number): number => Math.round(ms * 10) / 10;
