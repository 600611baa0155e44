/**
 * An AWS-aware tokenizer for the notes index. Compound tokens (`s3:GetObject`, `pre_build`,
 * `parameter-store`, `aws:SourceIp`) are kept whole and also split into their parts, "aws" and
 * "amazon" are stop words (they are in every note), and plurals are folded to singulars.
 */

const SEPARATORS = /[^A-Za-z0-9$*:_\-./]+/;
const JOINERS = /[:_\-./]+/;
const IS_JOINER = (c: string | undefined) => c === ':' || c === '_' || c === '-' || c === '.' || c === '/';

const STOP_WORDS = new Set([
  'aws',
  'amazon',
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'is',
  'are',
  'for',
  'on',
  'with',
  'by',
  'be',
  'it',
  'its',
  'as',
  'at',
  'from',
  'this',
  'that',
  'can',
  'you',
  'your',
  'if',
  'not',
  'no',
  'will',
  'was',
  'use',
  'used',
  'using',
]);

export function tokenize(text: string): string[] {
  // One split, then compounds are kept whole and their parts added: this runs over every note.
  const tokens: string[] = [];
  for (const raw of text.split(SEPARATORS)) {
    let start = 0;
    let end = raw.length;
    while (start < end && IS_JOINER(raw[start])) start++;
    while (end > start && IS_JOINER(raw[end - 1])) end--;
    if (start === end) continue;
    const token = start === 0 && end === raw.length ? raw : raw.slice(start, end);
    if (!JOINERS.test(token)) {
      tokens.push(token);
      continue;
    }
    tokens.push(token);
    for (const part of token.split(JOINERS)) if (part) tokens.push(part);
  }
  return tokens;
}

/** Lower-cases, drops stop words and folds simple plurals; returns null to drop the term. */
const processed = new Map<string, string | null>();

export function processTerm(term: string): string | null {
  // Notes repeat the same words thousands of times: remember each spelling's result.
  const cached = processed.get(term);
  if (cached !== undefined) return cached;
  if (processed.size > 200_000) processed.clear();
  const result = processUncached(term);
  processed.set(term, result);
  return result;
}

function processUncached(term: string): string | null {
  const lower = term.toLowerCase();
  if (lower.length < 2 && !/\d/.test(lower)) return null;
  if (STOP_WORDS.has(lower)) return null;
  return stem(lower);
}

function stem(word: string): string {
  if (word.length <= 3 || /[:_\-./$*]/.test(word) || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
