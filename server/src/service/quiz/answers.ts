import type { Question } from '../../protocol/quiz';

/**
 * Grading. Choices are exact. Typed answers are tolerant of what does not change the answer
 * (case, punctuation, articles, a plural, the order of a short phrase, one slip in a long word,
 * filler such as "setting") and strict about what does: a number, a digit in a name (gp2/gp3),
 * the first or the last letter of a word (symmetric/asymmetric, route/router), an extra word.
 * Precision comes first: an answer graded right wrongly teaches an error, while one graded
 * wrong can be overridden by the learner ("I was right").
 */

export interface Grade {
  readonly correct: boolean;
  /** Why a typed answer that is not the key word for word was still counted right. */
  readonly note?: string;
}

/** Whether an answer is right: exact for choices, tolerant for typed answers (see gradeTyped). */
export function isCorrect(question: Question, given: string | readonly string[]): boolean {
  return grade(question, given).correct;
}

export function grade(question: Question, given: string | readonly string[]): Grade {
  const expected = question.answer;
  if (Array.isArray(expected)) {
    const list = Array.isArray(given) ? given : [given as string];
    if (question.type === 'ordering') return { correct: list.length === expected.length && list.every((item, i) => item === expected[i]) };
    return { correct: list.length === expected.length && expected.every((item) => list.includes(item)) };
  }
  const answer = Array.isArray(given) ? given.join(' ') : (given as string);
  if (question.options) return { correct: answer === expected };
  return gradeTyped(expected as string, answer);
}

type Kind = 'word' | 'code' | 'number' | 'symbol';

interface Token {
  readonly text: string;
  readonly kind: Kind;
  /** The word as written, before plurals and units were read ("acces" is not the plural "acce"). */
  readonly raw?: string;
}

const ARTICLES = new Set(['a', 'an', 'the']);
/** Words that name the kind of thing, not the thing: "the Viewer Protocol Policy setting". */
const FILLER = new Set(['setting', 'option', 'feature']);
/** "AWS managed key" is not "customer managed key": the leading AWS stays before these. */
const KEEPS_AWS = new Set(['managed', 'owned', 'provided', 'generated']);
/** Units after a number, in the forms learners write them. */
const UNITS: Record<string, string> = {
  s: 'second',
  sec: 'second',
  ms: 'millisecond',
  msec: 'millisecond',
  min: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  d: 'day',
  wk: 'week',
  kilobyte: 'kb',
  megabyte: 'mb',
  gigabyte: 'gb',
  terabyte: 'tb',
  '%': 'percent',
};

/** Grades a typed answer against the key (see the module comment for what is tolerated). */
export function gradeTyped(expected: string, given: string): Grade {
  const answer = essential(tokenize(given));
  if (answer.length === 0) return { correct: false };
  for (const variant of variants(expected)) {
    const key = essential(tokenize(variant));
    if (key.length === 0) continue;
    const match = compare(key, answer);
    if (!match) continue;
    const same = (a: string, b: string) => texts(tokenize(a)) === texts(tokenize(b));
    if (match.typos.length === 0 && !match.reordered && same(variant, given)) return { correct: true };
    const notes: string[] = [];
    if (match.typos.length > 0) notes.push(`a slip in ${match.typos.map((t) => `“${t}”`).join(', ')}`);
    if (match.reordered) notes.push('the words in another order');
    return { correct: true, note: `Counted right${notes.length > 0 ? `, with ${notes.join(' and ')}` : ''}: the key is “${expected}”.` };
  }
  return { correct: false };
}

/** The key, the key without a parenthesis, and an abbreviation in parentheses: "Time to Live (TTL)". */
function variants(expected: string): string[] {
  const found = [expected];
  const parenthesis = /\s*\(([^()]*)\)\s*/g;
  const outside = expected.replace(parenthesis, ' ').trim();
  if (outside && outside !== expected) found.push(outside);
  for (const m of expected.matchAll(parenthesis)) {
    const inside = m[1]!.trim();
    // Only an abbreviation stands for the whole: "(maximum)" or "(default)" does not.
    if (/^[A-Z][A-Za-z0-9]{1,7}$/.test(inside) && /[A-Z].*[A-Z]/.test(inside)) found.push(inside);
  }
  return found;
}

function texts(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join(' ');
}

/**
 * Words, numbers and symbols. A chunk written like code (`iam:PassRole`, `KeyName`, `.fifo`)
 * keeps its words whole and is never read as a plural; digits stay attached to their letters
 * (`gp3`, `t3`) so that a different digit is a different token; a number is split from its
 * unit (`24h` → 24 h, read as 24 hour).
 */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const chunks = text
    .normalize('NFKC')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .split(/\s+/)
    .filter(Boolean);
  for (const chunk of chunks) {
    const code = /[a-z][A-Z]|::|[:_/$@{}]|^\./.test(chunk);
    for (const piece of chunk.match(/\d+(?:[.,]\d+)*|[\p{L}\p{N}]+|[*%]/gu) ?? []) {
      if (/^\d/.test(piece)) {
        // "1,000" and "1000" are one number; "0.5" keeps its point.
        out.push({ text: piece.replace(/,(?=\d{3}\b)/g, ''), kind: 'number' });
        continue;
      }
      if (piece === '*' || piece === '%') {
        out.push({ text: piece, kind: 'symbol' });
        continue;
      }
      const lower = piece.toLowerCase();
      out.push({ text: lower, kind: /\d/.test(lower) ? 'number' : code ? 'code' : 'word' });
    }
  }
  return out;
}

/** Drops articles, filler and a leading "AWS"/"Amazon"; reads plurals and units in one form. */
function essential(tokens: readonly Token[]): Token[] {
  const kept = tokens.filter((t, i) => {
    if (t.kind !== 'word') return true;
    if (ARTICLES.has(t.text)) return false;
    if (FILLER.has(singular(t.text))) return false;
    // "Simple Queue Service" is "Simple Queue"; "Service Catalog" keeps its first word.
    if (t.text === 'service' && i === tokens.length - 1 && i > 0) return false;
    return true;
  });
  const first = kept[0];
  const next = kept[1];
  if (first && next && (first.text === 'aws' || first.text === 'amazon') && !KEEPS_AWS.has(next.text)) kept.shift();
  return kept.map((t, i) => {
    if (t.kind !== 'word' && t.kind !== 'symbol') return t;
    const afterNumber = kept[i - 1]?.kind === 'number';
    const word = t.kind === 'word' ? singular(t.text) : t.text;
    return { ...t, text: afterNumber ? (UNITS[word] ?? word) : word, raw: t.text };
  });
}

/** One form for "policies"/"policy", "days"/"day"; "access", "status" and "analysis" stay. */
function singular(word: string): string {
  if (word.length < 4) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

interface Match {
  readonly typos: readonly string[];
  readonly reordered: boolean;
}

/** Words whose place carries the meaning: "source to destination" is not "destination to source". */
const RELATIONS = new Set([
  'to',
  'from',
  'into',
  'than',
  'before',
  'after',
  'over',
  'under',
  'above',
  'below',
  'via',
  'then',
  'not',
  'no',
  'per',
  'by',
  'of',
  'for',
  'in',
  'on',
  'at',
  'and',
  'or',
  'with',
  'without',
]);

/** In order, or — for a phrase of up to four words that states no relation — in any order. */
function compare(key: readonly Token[], answer: readonly Token[]): Match | undefined {
  if (key.length !== answer.length) return undefined;
  const inOrder = matchAll(key, answer);
  if (inOrder) return { typos: inOrder, reordered: false };
  if (key.length > 4 || key.some((t) => RELATIONS.has(t.text))) return undefined;
  const numbers = (tokens: readonly Token[]) =>
    tokens
      .filter((t) => t.kind === 'number')
      .map((t) => t.text)
      .join(' ');
  if (numbers(key) !== numbers(answer)) return undefined;
  for (const order of permutations(answer.length)) {
    const typos = matchAll(
      key,
      order.map((i) => answer[i]!),
    );
    if (typos) return { typos, reordered: true };
  }
  return undefined;
}

/** The slips needed to read `answer` as `key`, word by word; undefined when a word differs. */
function matchAll(key: readonly Token[], answer: readonly Token[]): string[] | undefined {
  const typos: string[] = [];
  for (let i = 0; i < key.length; i++) {
    const expected = key[i]!;
    const given = answer[i]!;
    if (expected.text === given.text) continue;
    if (expected.kind === 'number' || given.kind === 'number' || expected.kind === 'symbol' || given.kind === 'symbol') return undefined;
    if (!oneSlip(expected.text, given.text) && !oneSlip(expected.raw ?? expected.text, given.raw ?? given.text)) return undefined;
    typos.push(given.text);
  }
  return typos;
}

/**
 * One slip in a word of five letters or more: a letter replaced, two neighbours swapped, or a
 * letter added or dropped inside the word. Never at the first letter (symmetric/asymmetric,
 * synchronous/asynchronous) nor by adding or dropping the last (route/router, ListBucket/ListBuckets):
 * those edits make other real words more often than they make slips.
 */
export function oneSlip(expected: string, given: string): boolean {
  if (expected.length < 5 || expected[0] !== given[0]) return false;
  if (expected.length === given.length) {
    const differences: number[] = [];
    for (let i = 0; i < expected.length; i++) if (expected[i] !== given[i]) differences.push(i);
    if (differences.length === 1) return true;
    const [a, b] = differences;
    return differences.length === 2 && b === a! + 1 && expected[a!] === given[b] && expected[b] === given[a!];
  }
  const [longer, shorter] = expected.length > given.length ? [expected, given] : [given, expected];
  if (longer.length !== shorter.length + 1) return false;
  // The extra letter must be inside the word ("acces" for "access" drops an inner s).
  for (let i = 1; i < longer.length - 1; i++) if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  return false;
}

function* permutations(n: number): Generator<number[]> {
  const items = Array.from({ length: n }, (_, i) => i);
  const permute = function* (prefix: number[], rest: number[]): Generator<number[]> {
    if (rest.length === 0) yield prefix;
    for (let i = 0; i < rest.length; i++) yield* permute([...prefix, rest[i]!], [...rest.slice(0, i), ...rest.slice(i + 1)]);
  };
  yield* permute([], items);
}
