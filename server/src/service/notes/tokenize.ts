/**
 * An AWS-aware tokenizer for the notes index. Compound tokens (`s3:GetObject`, `pre_build`,
 * `parameter-store`, `aws:SourceIp`) are kept whole and also split into their parts, "aws" and
 * "amazon" are stop words (they are in every note), and plurals are folded to singulars.
 */

const COMPOUND = /[A-Za-z0-9$*]+(?:[:_\-./][A-Za-z0-9$*]+)+/g;
const WORD = /[A-Za-z0-9$]+/g;

const STOP_WORDS = new Set([
  'aws', 'amazon', 'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'is', 'are', 'for', 'on', 'with', 'by', 'be', 'it', 'its',
  'as', 'at', 'from', 'this', 'that', 'can', 'you', 'your', 'if', 'not', 'no', 'will', 'was', 'use', 'used', 'using',
]);

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(COMPOUND)) tokens.push(match[0]);
  for (const match of text.matchAll(WORD)) tokens.push(match[0]);
  return tokens;
}

/** Lower-cases, drops stop words and folds simple plurals; returns null to drop the term. */
export function processTerm(term: string): string | null {
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
