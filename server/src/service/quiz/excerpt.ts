import * as fs from 'node:fs';
import type { QuestionSource } from '../../protocol/quiz';

/**
 * The lines a question was made from, for the feedback after an answer: the learner sees the
 * statement in their own words (or the bundled note's) next to the explanation. Read when the
 * answer is graded, so it shows the note as it is now; a file that is gone gives no excerpt.
 */

const MAX_LINES = 6;
const MAX_CHARS = 600;

export function sourceExcerpt(source: QuestionSource): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(source.file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split(/\r?\n/);
  const start = Math.max(1, source.startLine);
  const end = Math.min(lines.length, Math.max(start, source.endLine), start + MAX_LINES - 1);
  const excerpt = lines
    .slice(start - 1, end)
    .join('\n')
    .replace(/^\s*\n|\s+$/g, '');
  if (!excerpt) return undefined;
  return excerpt.length > MAX_CHARS ? `${excerpt.slice(0, MAX_CHARS - 1)}…` : excerpt;
}
