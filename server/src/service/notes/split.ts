import { frontMatter, plainText, repairMojibake } from './clean';

/**
 * Splits a note file into sections, whatever its shape: markdown headings where there are
 * headings; for heading-less exports, topic lines followed by bullets; long sections further
 * on label lines. Every section keeps its exact source lines, for links back into the note.
 */

export interface NoteSection {
  /** Stable within a file: the heading path and the occurrence index. */
  readonly id: string;
  readonly file: string;
  readonly title: string;
  /** Enclosing headings, outermost first (the title excluded). */
  readonly headingPath: readonly string[];
  /** Cleaned text of the body, one line per bullet or paragraph line. */
  readonly text: string;
  /** 0-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Front matter of the file (title, service, prefix… in the bundled knowledge). */
  readonly meta: Readonly<Record<string, string>>;
  /** The body's source lines as written (markup kept), for question generation. */
  readonly raw: readonly string[];
}

interface Draft {
  title: string;
  headingPath: string[];
  start: number;
  end: number;
  titleLine: boolean;
}

// The closing `#`s and trailing spaces are trimmed by headingTitle(): in the regular expression,
// `(.+?)\s*#*\s*$` backtracks cubically on a heading that ends in a long run of spaces (1,600
// spaces took 1.4 s, found by the fuzzer).
const HEADING = /^(#{1,6})\s+([\s\S]+)$/;

/** A heading's text without its trailing spaces and closing `#`s (at least one character, as before). */
function headingTitle(rest: string): string {
  let end = rest.length;
  while (end > 1 && /\s/.test(rest[end - 1]!)) end--;
  while (end > 1 && rest[end - 1] === '#') end--;
  while (end > 1 && /\s/.test(rest[end - 1]!)) end--;
  return rest.slice(0, end);
}
const BULLET = /^\s*([-*+•]|\d+[.)])(\s+|$)/;
const TOC_LINE = /^\s*[-*+]\s+\[[^\]]+\]\(#[^)]*\)\s*$/;
const FENCE = /^\s*(```|~~~)/;
const MAX_SECTION_LINES = 80;
const MAX_TOPIC_LENGTH = 60;

export function splitNote(file: string, raw: string): NoteSection[] {
  const lines = repairMojibake(raw.replace(/\r\n?/g, '\n')).split('\n');
  const front = frontMatter(lines);
  const headings = findHeadings(lines, front.lines);
  const drafts = headings.length > 0 ? byHeadings(file, lines, headings, front.lines) : byTopicLines(file, lines, front.lines);
  const sections: NoteSection[] = [];
  const occurrences = new Map<string, number>();
  for (const draft of drafts.flatMap((d) => splitLong(d, lines))) {
    const text = sectionText(lines, draft);
    if (text === '' && draft.headingPath.length === 0 && !draft.titleLine) continue;
    const path = [...draft.headingPath, draft.title].join(' > ');
    const occurrence = occurrences.get(path) ?? 0;
    occurrences.set(path, occurrence + 1);
    let end = draft.end;
    while (end > draft.start && (lines[end] ?? '').trim() === '') end--; // the range ends at its last written line
    const raw = lines.slice(draft.start + (draft.titleLine ? 1 : 0), end + 1);
    sections.push({
      id: `${path}#${occurrence}`,
      file,
      title: draft.title,
      headingPath: draft.headingPath,
      text,
      startLine: draft.start,
      endLine: end,
      meta: front.fields,
      raw,
    });
  }
  return sections;
}

function findHeadings(lines: readonly string[], from: number): { level: number; title: string; line: number }[] {
  const headings: { level: number; title: string; line: number }[] = [];
  let fenced = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced) continue; // `# install httpd` inside a code block is a shell comment
    const match = HEADING.exec(line);
    const title = match ? headingTitle(match[2]!) : undefined;
    // As `.` did in the old expression: a title holds no line separator (U+2028/9 count as one).
    if (match && title !== undefined && !/[\n\r\u2028\u2029]/.test(title)) headings.push({ level: match[1]!.length, title: plainText(title), line: i });
  }
  return headings;
}

function byHeadings(file: string, lines: readonly string[], headings: readonly { level: number; title: string; line: number }[], from: number): Draft[] {
  const drafts: Draft[] = [];
  const stack: { level: number; title: string }[] = [];
  if (headings[0]!.line > from) drafts.push({ title: fileTitle(file), headingPath: [], start: from, end: headings[0]!.line - 1, titleLine: false });
  headings.forEach((heading, i) => {
    // Heading levels may jump (H1 → H3); the stack keeps whatever encloses this one.
    while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
    const end = (headings[i + 1]?.line ?? lines.length) - 1;
    drafts.push({ title: heading.title, headingPath: stack.map((h) => h.title), start: heading.line, end, titleLine: true });
    stack.push(heading);
  });
  return drafts;
}

/**
 * Heading-less exports: a topic is a short capitalised line of a few words followed by a bullet.
 * Flat exports also break inline code onto lines of its own (`AssumeRole` after a bare "-",
 * `routing-config` inside a sentence): those continue the bullet above and are never topics.
 */
function byTopicLines(file: string, lines: readonly string[], from: number): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  for (let i = from; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed === '') continue;
    if (isFlatTopic(lines, i)) {
      if (current) current.end = i - 1;
      current = { title: plainText(trimmed), headingPath: [], start: i, end: lines.length - 1, titleLine: true };
      drafts.push(current);
    } else if (!current) {
      current = { title: fileTitle(file), headingPath: [], start: i, end: lines.length - 1, titleLine: false };
      drafts.push(current);
    }
  }
  return drafts;
}

const TOPIC_TEXT = /^[A-Z0-9][\w .&/()+-]{0,38}$/;

function isFlatTopic(lines: readonly string[], i: number): boolean {
  const trimmed = lines[i]!.trim();
  if (BULLET.test(lines[i]!) || !TOPIC_TEXT.test(trimmed) || trimmed.split(/\s+/).length > 4) return false;
  const previous = previousNonEmpty(lines, i - 1);
  if (previous !== undefined && lines[previous]!.trim() === '-') return false; // joined to the bare "-" above
  const next = nextNonEmpty(lines, i + 1);
  return next !== undefined && BULLET.test(lines[next]!) && lines[next]!.trim() !== '-';
}

function previousNonEmpty(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i >= 0 && i > from - 3; i--) if (lines[i]!.trim() !== '') return i;
  return undefined;
}

function isTopicLine(lines: readonly string[], i: number): boolean {
  const trimmed = lines[i]!.trim();
  const next = nextNonEmpty(lines, i + 1);
  return trimmed.length <= MAX_TOPIC_LENGTH && !/[.:;,?]$/.test(trimmed) && next !== undefined && BULLET.test(lines[next]!);
}

function nextNonEmpty(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length && i < from + 3; i++) if (lines[i]!.trim() !== '') return i;
  return undefined;
}

/** Very long sections (a 300-line "# EC2") split on label lines: a short line followed by bullets. */
function splitLong(draft: Draft, lines: readonly string[]): Draft[] {
  if (draft.end - draft.start < MAX_SECTION_LINES) return [draft];
  const parts: Draft[] = [];
  let current: Draft = { ...draft };
  let fenced = false;
  for (let i = draft.start + 1; i <= draft.end; i++) {
    if (FENCE.test(lines[i]!)) fenced = !fenced;
    const trimmed = lines[i]!.trim();
    if (fenced || trimmed === '' || BULLET.test(lines[i]!) || i - current.start <= 5 || !isTopicLine(lines, i)) continue;
    if (BULLET.test(lines[i - 1] ?? '')) continue; // a continuation of the bullet above, not a label
    current.end = i - 1;
    parts.push(current);
    current = { title: plainText(trimmed), headingPath: [...draft.headingPath, draft.title], start: i, end: draft.end, titleLine: true };
  }
  parts.push(current);
  return parts;
}

function sectionText(lines: readonly string[], draft: Draft): string {
  const out: string[] = [];
  let fenced = false;
  let bareDash = false;
  let previousBullet = false;
  for (let i = draft.start + (draft.titleLine ? 1 : 0); i <= draft.end; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) {
      fenced = !fenced;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '') {
      previousBullet = false;
      continue;
    }
    if (!fenced && TOC_LINE.test(line)) continue;
    if (/^\[?!\[/.test(trimmed)) continue; // an image line
    if (trimmed === '-') {
      // A bare "-" is a bullet whose text the export put on the next line.
      bareDash = true;
      continue;
    }
    const isBullet = (!fenced && BULLET.test(line)) || bareDash;
    const text = plainText(BULLET.test(line) ? line.replace(BULLET, '') : line);
    if (text === '') continue;
    // Inside a bullet, lowercase words, code-like fragments and lone punctuation continue it.
    const continuation: boolean = !isBullet && !fenced && out.length > 0 && previousBullet && /^[a-z`(<):,.;]|^[A-Za-z]+[.,)]?$/.test(text);
    if (continuation) out[out.length - 1] = `${out[out.length - 1]}${/^[):,.;]/.test(text) ? '' : ' '}${text}`;
    else out.push(text);
    bareDash = false;
    previousBullet = isBullet || (previousBullet && continuation);
  }
  return out.join('\n');
}

function fileTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(md|markdown|txt)$/i, '').replace(/[_-]+/g, ' ');
}
