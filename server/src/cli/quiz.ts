import * as readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadNotes } from './notes';
import { isCorrect } from '../service/quiz/answers';
import type { Question } from '../protocol/quiz';
import { quizFromNotes } from '../service/quiz/generate';
import { originOf } from '../service/quiz/quality';

/** `aws-study-hints quiz`: questions from the notes and the bundled knowledge, as JSON or an interactive quiz. */

export const QUIZ_USAGE = `Usage: aws-study-hints quiz [--notes <dir>...] [--topic X] [--count N] [--seed S] [--json]

Generates questions from the bundled knowledge and, with --notes, your notes. With --json
the questions are printed for inspection; otherwise an interactive quiz runs in the terminal.`;

export async function quiz(args: readonly string[], usageError: (message: string) => number): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: false,
      options: {
        notes: { type: 'string', multiple: true, default: [] },
        topic: { type: 'string' },
        count: { type: 'string', default: '10' },
        seed: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 500) return usageError('--count must be a whole number from 1 to 500.');
  const seed = values.seed === undefined ? Date.now() % 2_147_483_647 : Number(values.seed);
  if (!Number.isInteger(seed)) return usageError('--seed must be a whole number.');

  const notes = loadNotes(values.notes ?? []);
  const questions = quizFromNotes(notes, { topic: values.topic, count, seed });
  if (values.json) {
    const out = questions.map((q) => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      ...(q.options ? { options: q.options } : {}),
      answer: q.answer,
      explanation: q.explanation,
      source: { file: q.source.file, startLine: q.source.startLine, endLine: q.source.endLine },
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  if (questions.length === 0) {
    process.stdout.write(`No questions${values.topic ? ` about "${values.topic}"` : ''}.\n`);
    return 0;
  }
  return interactive(questions);
}

async function interactive(questions: readonly Question[]): Promise<number> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  let right = 0;
  try {
    for (const [index, question] of questions.entries()) {
      process.stdout.write(`\nQuestion ${index + 1} of ${questions.length} · ${question.topic} · ${originOf(question)}\n${question.prompt}\n`);
      question.options?.forEach((option, i) => {
        process.stdout.write(`  ${i + 1}. ${option}\n`);
      });
      const hint =
        question.type === 'ordering'
          ? 'the numbers in order, e.g. 3 1 2'
          : question.type === 'multi-select'
            ? 'the numbers, e.g. 1 3'
            : question.options
              ? 'a number'
              : 'your answer';
      const reply = (await rl.question(`Answer (${hint}, or q to stop): `)).trim();
      if (reply.toLowerCase() === 'q') break;
      const given = question.options
        ? reply
            .split(/[\s,]+/)
            .map((n) => question.options![Number(n) - 1] ?? '')
            .filter(Boolean)
        : [reply];
      const answer = question.type === 'ordering' || question.type === 'multi-select' ? given : (given[0] ?? '');
      const correct = isCorrect(question, answer);
      if (correct) right++;
      const expected = Array.isArray(question.answer) ? question.answer.join(question.type === 'ordering' ? ' → ' : ', ') : question.answer;
      process.stdout.write(
        `${correct ? '✓ Right.' : `✗ The answer is: ${expected}`}\n${question.explanation}\nSource: ${question.source.file}:${question.source.startLine}\n`,
      );
    }
  } finally {
    rl.close();
  }
  process.stdout.write(`\n${right} of ${questions.length} right.\n`);
  return 0;
}
