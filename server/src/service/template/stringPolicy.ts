import { literalLineStarts } from './buildspec';
import type { ArnResolver } from './resolve';
import type { TIntrinsic, TNode, TScalar } from './tree';
import { subPieces, type Piece, type Segment, type VirtualPolicy } from './virtual';

/**
 * A policy written as a JSON string: `Content: '{"Version": …}'`, a literal block, or a `!Sub`
 * of either (an Organizations policy's Content, a CloudWatch Logs resource policy). The string
 * is the policy document itself, so the rendered text is the value, with `!Sub` variables
 * substituted; text that is the same as in the template maps character by character.
 */

/** Whether a node is a policy written as a JSON string (a value that starts with "{"). */
export function isJsonStringPolicy(node: TNode | undefined): node is TScalar | TIntrinsic {
  const scalar = node?.type === 'intrinsic' && node.name === 'Fn::Sub' ? node.argument : node;
  return scalar?.type === 'scalar' && typeof scalar.value === 'string' && scalar.value.trimStart().startsWith('{');
}

export function renderStringPolicy(text: string, node: TScalar | TIntrinsic, resolve: ArnResolver): VirtualPolicy | undefined {
  const scalar = node.type === 'intrinsic' ? node.argument : node;
  if (scalar?.type !== 'scalar' || typeof scalar.value !== 'string') return undefined;
  const value = scalar.value;
  const pieces = sourcePieces(text, scalar, value, node.type === 'intrinsic', resolve);
  let rendered = '';
  const segments: Segment[] = [{ vStart: 0, vEnd: -1, sStart: node.start, sEnd: node.end, exact: false }];
  const openPieces: [number, number][] = [];
  for (const piece of pieces) {
    segments.push({ vStart: rendered.length, vEnd: rendered.length + piece.text.length, sStart: piece.sStart, sEnd: piece.sEnd, exact: piece.exact });
    if (piece.open) openPieces.push([rendered.length, rendered.length + piece.text.length]);
    rendered += piece.text;
  }
  (segments[0] as { vEnd: number }).vEnd = rendered.length;
  // An unknown value sits inside a JSON string of the policy: that whole string is unknown.
  const open = openPieces.map(([from, to]) => enclosingString(rendered, from, to));
  return { text: rendered, segments, open, editable: EDITABLE[text[scalar.start] ?? ''] };
}

/** What a fix may write inside the value, by how the value is quoted (a plain scalar keeps the default). */
const EDITABLE: Readonly<Record<string, RegExp>> = {
  '|': /^[^\n]*$/,
  "'": /^[^\n']*$/,
  '"': /^[^\n"\\]*$/,
};

/** The value as pieces of source: lines of a literal block, or the whole quoted or plain text, split at `!Sub` variables. */
function sourcePieces(text: string, scalar: TScalar, value: string, sub: boolean, resolve: ArnResolver): Piece[] {
  // Lines of the value with where each starts in the template (undefined: not known exactly).
  const lines: { text: string; start: number | undefined }[] = [];
  if (scalar.content !== undefined) lines.push({ text: value, start: scalar.content });
  else if (text[scalar.start] === '|') {
    const starts = literalLineStarts(text, scalar.start, value);
    value.split('\n').forEach((line, index) => {
      lines.push({ text: line, start: starts?.[index] });
    });
  } else lines.push({ text: value, start: undefined });
  const pieces: Piece[] = [];
  lines.forEach((line, index) => {
    const start = line.start ?? scalar.start;
    const end = line.start !== undefined ? line.start + line.text.length : scalar.end;
    // The line break between two lines of a block: at the start of the second.
    if (index > 0) pieces.push({ text: '\n', sStart: start, sEnd: start, exact: false, open: false });
    if (sub) pieces.push(...subPieces(line.text, line.start, start, end, resolve));
    else pieces.push({ text: line.text, sStart: start, sEnd: end, exact: line.start !== undefined, open: false });
  });
  return pieces;
}

/** The quoted JSON string around [from, to) in the rendered text, or the range itself. */
function enclosingString(rendered: string, from: number, to: number): [number, number] {
  let start = from - 1;
  while (start >= 0 && !(rendered[start] === '"' && rendered[start - 1] !== '\\')) start--;
  let end = to;
  while (end < rendered.length && !(rendered[end] === '"' && rendered[end - 1] !== '\\')) end++;
  return start >= 0 && end < rendered.length ? [start, end + 1] : [from, to];
}
