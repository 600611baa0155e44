import { RecentCache } from '../common/recentCache';
import { type ParsedTemplate, parseYamlPiece, parseYamlTemplate, type TEntry, type TMap, type TNode } from './tree';

/**
 * Incremental parsing of YAML templates. A keystroke changes one resource; parsing the whole
 * 2,000-line template again costs 25–50 ms on two cores, parsing one resource well under 1 ms.
 * So the template is cut where its structure allows it — at every top-level key, and inside
 * `Resources` at every resource — and each piece is parsed on its own and kept by its text.
 * The pieces' trees are moved to their offsets and joined into the tree a whole parse gives.
 *
 * A piece read alone reads the same as in place only when YAML has nothing to say across the
 * cut. Whenever that is in doubt the whole template is parsed as before, which also produces
 * the syntax findings: any error or warning in a piece, an anchor or an alias, a tab in the
 * indentation, document markers or directives, a byte-order mark, a piece that is not one
 * `key: value` entry, or the same key in two pieces. incremental.test.ts checks that the two
 * readings agree.
 */

/** A piece's single `key: value` entry, and where the piece's mapping ends (trailing comments included, as a whole parse counts them). */
export interface PieceEntry {
  readonly entry: TEntry;
  readonly end: number;
}

/** A piece as read at offset 0 and as last placed. */
interface ParsedPiece {
  readonly read: PieceEntry;
  readonly offset: number;
  readonly placed: PieceEntry;
}

/** Pieces parsed before, by text. */
export class PieceCache {
  private readonly pieces: RecentCache<string, ParsedPiece | null>;
  constructor(capacity = 4000) {
    // Weighed in characters: a parsed piece holds its YAML tree, several times its text.
    this.pieces = new RecentCache(capacity, { weigh: (piece) => piece.length * 8 });
  }

  /** The piece's single `key: value` entry placed at `offset`, or undefined when the piece must not be read alone. */
  entry(text: string, offset: number): PieceEntry | undefined {
    let piece = this.pieces.get(text);
    if (piece === undefined) {
      const tree = parseYamlPiece(text);
      const root = tree.root;
      const read = !tree.needsWholeDocument && root?.type === 'map' && root.entries.length === 1 ? { entry: root.entries[0]!, end: root.end } : undefined;
      piece = read ? { read, offset: 0, placed: read } : null;
      this.pieces.set(text, piece);
    }
    if (!piece) return undefined;
    // Moving a tree copies it: a piece that stays where it was (every piece before the edit) is not copied again.
    if (piece.offset !== offset) {
      piece = { read: piece.read, offset, placed: { entry: placed(piece.read.entry, offset), end: piece.read.end + offset } };
      this.pieces.set(text, piece);
    }
    return piece.placed;
  }
}

/** Parses a YAML template piece by piece where that reads the same, and whole otherwise. */
export function parseYamlIncrementally(text: string, cache: PieceCache): ParsedTemplate {
  return piecewise(text, cache) ?? parseYamlTemplate(text);
}

/** A line that holds more than spaces: where it starts, its indentation and its first character. */
interface Line {
  readonly start: number;
  readonly indent: number;
  readonly first: string;
}

/** Line breaks that YAML and JavaScript's "^" disagree on (a lone CR, U+2028/U+2029), and a byte-order mark. */
const ODD_BREAKS = /\r(?!\n)|[\u2028\u2029\uFEFF]/;

/** The template's lines, or undefined when one of them needs the whole document: a tab in the indentation, a document marker or a directive. */
function linesOf(text: string): Line[] | undefined {
  if (ODD_BREAKS.test(text)) return undefined;
  const lines: Line[] = [];
  const pattern = /^([ ]*)([^ \r\n])/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const indent = match[1]!.length;
    const first = match[2]!;
    if (first === '\t') return undefined;
    if (indent === 0 && (first === '%' || /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(match.index, match.index + 4)))) return undefined;
    lines.push({ start: match.index, indent, first });
  }
  return lines;
}

function piecewise(text: string, cache: PieceCache): ParsedTemplate | undefined {
  const lines = linesOf(text);
  if (!lines) return undefined;
  const topLevel = cut(lines, 0, lines.length, 0);
  if (!topLevel || topLevel.length === 0) return undefined;
  const entries: PieceEntry[] = [];
  for (const [from, to] of topLevel) {
    const start = lines[from]!.start;
    const end = lines[to]?.start ?? text.length;
    const header = /^Resources[ ]*:[ ]*(?:#.*)?\r?\n/.exec(text.slice(start, Math.min(end, start + 200)));
    const entry = header ? resourcesEntry(text, lines, from, to, start + header[0].length, cache) : cache.entry(text.slice(start, end), start);
    if (!entry) return undefined;
    entries.push(entry);
  }
  const root = joined(entries);
  return root ? { root, jsonErrors: [] } : undefined;
}

/** `Resources:` (lines[from, to)) with its resources as pieces of their own; `body` is where its first line ends. */
function resourcesEntry(text: string, lines: readonly Line[], from: number, to: number, body: number, cache: PieceCache): PieceEntry | undefined {
  const start = lines[from]!.start;
  const end = lines[to]?.start ?? text.length;
  const first = lines.slice(from + 1, to).find((line) => line.first !== '#');
  // No resources, or a flow mapping: the section is one piece.
  if (!first || first.first === '{' || first.first === '[') return cache.entry(text.slice(start, end), start);
  const resources = cut(lines, from + 1, to, first.indent);
  if (!resources) return undefined;
  const entries: PieceEntry[] = [];
  for (const [resourceFrom, resourceTo] of resources) {
    const resourceStart = lines[resourceFrom]!.start;
    const entry = cache.entry(text.slice(resourceStart, lines[resourceTo]?.start ?? text.length), resourceStart);
    if (!entry) return undefined;
    entries.push(entry);
  }
  const header = cache.entry(text.slice(start, body), start)?.entry;
  const value = joined(entries);
  const empty = header?.value === undefined || (header.value.type === 'scalar' && header.value.value === null);
  if (!header || !empty || !value || value.start < body || value.end > end) return undefined;
  return { entry: { ...header, value }, end: value.end };
}

/**
 * Cuts lines[from, to) before every line that starts an entry at `indent` (that many spaces,
 * then anything but a comment), as ranges of line indexes. Before the first entry there may
 * only be comments; a line indented less than `indent` leaves the cut in doubt.
 */
function cut(lines: readonly Line[], from: number, to: number, indent: number): [number, number][] | undefined {
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.first === '#') continue;
    if (line.indent < indent || (line.indent > indent && starts.length === 0)) return undefined;
    if (line.indent === indent) starts.push(i);
  }
  return starts.map((start, i) => [start, starts[i + 1] ?? to]);
}

/** A map of the pieces' entries, spanning them as a whole parse would; undefined when a key repeats. */
function joined(pieces: readonly PieceEntry[]): TMap | undefined {
  const keys = new Set<string>();
  for (const { entry } of pieces) {
    if (keys.has(entry.key)) return undefined;
    keys.add(entry.key);
  }
  return { type: 'map', entries: pieces.map((piece) => piece.entry), start: pieces[0]!.entry.keyStart, end: pieces[pieces.length - 1]!.end };
}

/** The entry moved from offset 0 to `offset`. */
function placed(entry: TEntry, offset: number): TEntry {
  if (offset === 0) return entry;
  const keyContent = entry.keyContent === undefined ? {} : { keyContent: entry.keyContent + offset };
  return { key: entry.key, keyStart: entry.keyStart + offset, keyEnd: entry.keyEnd + offset, ...keyContent, value: moved(entry.value, offset) };
}

function moved(node: TNode | undefined, offset: number): TNode | undefined {
  if (!node) return undefined;
  const start = node.start + offset;
  const end = node.end + offset;
  switch (node.type) {
    case 'scalar':
      return node.content === undefined ? { ...node, start, end } : { ...node, start, end, content: node.content + offset };
    case 'seq':
      return { type: 'seq', items: node.items.map((item) => moved(item, offset)!), start, end };
    case 'map':
      return { type: 'map', entries: node.entries.map((entry) => placed(entry, offset)), start, end };
    case 'intrinsic':
      return { type: 'intrinsic', name: node.name, argument: moved(node.argument, offset), start, end };
  }
}
