import { splitNote } from './split';

/**
 * A note's statements as the lint reads them: each line (long lines split into sentences) with
 * its context — the headings above it and the parent bullets it hangs from — because people
 * name the service once in a heading ("## SQS") or a parent bullet and the numbers below it.
 */

export interface ContextStatement {
  readonly text: string;
  /** Offset of the statement in the note. */
  readonly offset: number;
  /** 0-based line. */
  readonly line: number;
  /** The headings and parent bullets around it, lower case. */
  readonly context: string;
  /** The sentences before it on the same line, lower case ("SQS Extended Client Library: … This is useful for messages up to 2 GB."). */
  readonly lineBefore?: string;
  /** For a table cell, the row's first cell, lower case: it often names the property ("Max IOPS per volume"). */
  readonly label?: string;
  /** For a table cell, its column's header, lower case: it often names the service or the variant ("io2"). */
  readonly column?: string;
}

const BULLET = /^(\s*)([-*+•]|\d+[.)])\s+/;

export function statementsWithContext(text: string): ContextStatement[] {
  const lines = text.split('\n');
  const sections = safeSections(text);
  const statements: ContextStatement[] = [];
  let sectionIndex = 0;
  // Parent bullets: the nearest earlier line with less indentation, up the chain.
  // A label bullet ("* *General Purpose SSD (gp3)*:") also covers plain lines at its own indentation
  // (a fenced block written under it); `leading` is where its marker starts.
  const parents: { indent: number; text: string; label?: { leading: number } }[] = [];
  // Lines of a fenced code block neither open nor close a parent: "1. …" inside ```yaml is no list.
  let fence = false;
  let table: { header: string[] } | undefined;
  let offset = 0;
  for (const [lineIndex, line] of lines.entries()) {
    while (sectionIndex + 1 < sections.length && sections[sectionIndex + 1]!.startLine <= lineIndex) {
      sectionIndex++;
      parents.length = 0;
    }
    const section = sections[sectionIndex];
    const inSection = section && section.startLine <= lineIndex;
    const indent = indentOf(line);
    const fenceLine = FENCE.test(line);
    const inFence = fence || fenceLine;
    if (fenceLine) fence = !fence;
    const isBullet = BULLET.test(line);
    const stays = (parent: (typeof parents)[number]) => parent.label !== undefined && (inFence || (!isBullet && leadingOf(line) >= parent.label.leading));
    // A blank line closes nothing: the next non-blank line decides.
    while (!inFence && line.trim() !== '' && parents.length > 0 && parents[parents.length - 1]!.indent >= indent && !stays(parents[parents.length - 1]!))
      parents.pop();
    const heading = inSection ? [...section.headingPath, section.title].join(' · ') : '';
    const context = `${heading} · ${parents.map((p) => p.text).join(' · ')}`.toLowerCase();
    // Tables: a header row (followed by |---|) names each column; each cell of a row below is a
    // statement of its own, with its column's header and the row's first cell around it.
    if (!TABLE_ROW.test(line)) table = undefined;
    else if (TABLE_SEPARATOR.test(lines[lineIndex + 1] ?? '')) table = { header: cellsOf(line).map((cell) => cell.text.trim().toLowerCase()) };
    if (table && TABLE_ROW.test(line) && !TABLE_SEPARATOR.test(line) && !TABLE_SEPARATOR.test(lines[lineIndex + 1] ?? '')) {
      const cells = cellsOf(line);
      const label = cells[0]?.text.trim().toLowerCase() ?? '';
      for (const [column, cell] of cells.entries()) {
        if (cell.text.trim() === '') continue;
        const around = column === 0 ? context : `${context} · ${table.header[column] ?? ''} · ${label}`;
        statements.push({
          text: cell.text,
          offset: offset + cell.start,
          line: lineIndex,
          context: around,
          label: column === 0 ? undefined : label,
          column: column === 0 ? undefined : table.header[column],
        });
      }
    } else if (/\d/.test(line) || line.length > 0) {
      for (const sentence of sentencesOf(line)) {
        if (sentence.text.trim() === '') continue;
        const lineBefore = line.slice(0, sentence.start).toLowerCase();
        statements.push({ text: sentence.text, offset: offset + sentence.start, line: lineIndex, context: `${context} · ${lineBefore}`, lineBefore });
      }
    }
    if (line.trim() !== '' && !inFence)
      parents.push({ indent, text: line.trim().slice(0, 200), label: isBullet && LABEL_END.test(line) ? { leading: leadingOf(line) } : undefined });
    offset += line.length + 1;
  }
  return statements;
}

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The cells of a table row, with their offsets in the line (an escaped \| stays in its cell). */
function cellsOf(line: string): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  const first = line.indexOf('|');
  let start = first + 1;
  for (let i = start; i < line.length; i++) {
    if (line[i] !== '|' || line[i - 1] === '\\') continue;
    cells.push({ text: line.slice(start, i), start });
    start = i + 1;
  }
  return cells;
}

const FENCE = /^\s*(```|~~~)/;
/** A bullet that only names what follows: it ends with a colon, maybe inside emphasis. */
const LABEL_END = /:[\s*_]*$/;

function leadingOf(line: string): number {
  return /^\s*/.exec(line)![0].replace(/\t/g, '    ').length;
}

function indentOf(line: string): number {
  const bullet = BULLET.exec(line);
  const leading = /^\s*/.exec(line)![0].replace(/\t/g, '    ').length;
  // A bullet sits one step deeper than a plain line at the same indentation.
  return bullet ? leading + 1 : leading;
}

/** Lines, and sentences within long lines ("… 14 days. The default …"). */
function sentencesOf(line: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  const boundary = /[.!?;](\s+)(?=[A-Z])/g;
  let start = 0;
  for (let match = boundary.exec(line); match; match = boundary.exec(line)) {
    parts.push({ text: line.slice(start, match.index + 1), start });
    start = match.index + 1 + match[1]!.length;
  }
  parts.push({ text: line.slice(start), start });
  return parts;
}

function safeSections(text: string) {
  try {
    return splitNote('note', text);
  } catch {
    return [];
  }
}
