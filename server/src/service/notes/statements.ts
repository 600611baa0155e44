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
}

const BULLET = /^(\s*)([-*+•]|\d+[.)])\s+/;

export function statementsWithContext(text: string): ContextStatement[] {
  const lines = text.split('\n');
  const sections = safeSections(text);
  const statements: ContextStatement[] = [];
  let sectionIndex = 0;
  // Parent bullets: the nearest earlier line with less indentation, up the chain.
  const parents: { indent: number; text: string }[] = [];
  let offset = 0;
  for (const [lineIndex, line] of lines.entries()) {
    while (sectionIndex + 1 < sections.length && sections[sectionIndex + 1]!.startLine <= lineIndex) {
      sectionIndex++;
      parents.length = 0;
    }
    const section = sections[sectionIndex];
    const inSection = section && section.startLine <= lineIndex;
    const indent = indentOf(line);
    while (parents.length > 0 && parents[parents.length - 1]!.indent >= indent) parents.pop();
    const heading = inSection ? [...section.headingPath, section.title].join(' · ') : '';
    const context = `${heading} · ${parents.map((p) => p.text).join(' · ')}`.toLowerCase();
    if (/\d/.test(line) || line.length > 0) {
      for (const sentence of sentencesOf(line)) {
        if (sentence.text.trim() === '') continue;
        const lineBefore = line.slice(0, sentence.start).toLowerCase();
        statements.push({ text: sentence.text, offset: offset + sentence.start, line: lineIndex, context: `${context} · ${lineBefore}`, lineBefore });
      }
    }
    if (line.trim() !== '') parents.push({ indent, text: line.trim().slice(0, 200) });
    offset += line.length + 1;
  }
  return statements;
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
