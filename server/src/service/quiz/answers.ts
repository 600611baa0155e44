import { distance } from 'fastest-levenshtein';
import type { Question } from '../../protocol/quiz';

/** Whether an answer is right: exact for choices, tolerant for typed answers (case, spacing, punctuation, one typo). */
export function isCorrect(question: Question, given: string | readonly string[]): boolean {
  const expected = question.answer;
  if (Array.isArray(expected)) {
    const list = Array.isArray(given) ? given : [given as string];
    if (question.type === 'ordering') return list.length === expected.length && list.every((item, i) => item === expected[i]);
    return list.length === expected.length && expected.every((item) => list.includes(item));
  }
  const answer = Array.isArray(given) ? given.join(' ') : (given as string);
  if (question.options) return answer === expected;
  const normalise = (text: string) =>
    text
      .toLowerCase()
      .replace(/[`'"“”’.,;:!?()]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const a = normalise(answer);
  const b = normalise(expected as string);
  if (a === b) return true;
  return b.length >= 5 && distance(a, b) <= 1;
}
