// Samples 100 quiz questions (the sample notes in ../shared/notes when present, plus the bundled
// knowledge) and reports how many pass each machine-checkable rule of docs/quiz-quality.md.
// `npx tsx scripts/quality/quiz.ts [notes folder] [--verbose]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Question } from '../../server/src/protocol/quiz';
import { NotesService } from '../../server/src/service/notes/service';
import { quizFromNotes } from '../../server/src/service/quiz/generate';
import { qualityProblems } from '../../server/src/service/quiz/quality';

const root = path.resolve(__dirname, '..', '..');

export interface RubricResult {
  readonly rule: string;
  readonly failed: Question[];
}

/** Every rule of the rubric that a machine can check, over a set of questions. */
export function rubric(questions: readonly Question[], notes: NotesService): RubricResult[] {
  const material = notes.studyMaterial();
  const rules: [string, (q: Question) => boolean][] = [
    [
      'well formed: answer among the options, 2–5 distinct options',
      (q) =>
        !q.options ||
        (q.options.length >= 2 &&
          q.options.length <= 5 &&
          new Set(q.options).size === q.options.length &&
          (Array.isArray(q.answer) ? q.answer : [q.answer]).every((a) => q.options!.includes(a as string))),
    ],
    ['has an explanation and a source line', (q) => q.explanation.trim().length > 0 && q.source.startLine >= 1],
    ['no section label used as a term', (q) => !qualityProblems(q).includes('label-as-term')],
    ['no fragment (at least four words; a blank inside a sentence)', (q) => !qualityProblems(q).includes('fragment')],
    ['the answer does not appear in the question', (q) => !qualityProblems(q).includes('leaked-answer')],
    ['no blank on the given value of a worked example', (q) => !qualityProblems(q).includes('worked-example')],
    ['distractors of the same kind as the answer', (q) => !qualityProblems(q).includes('distractor-kind')],
    ['the answer is not given away by its length', (q) => !qualityProblems(q).includes('distractor-length')],
    ['never teaches a wrong or outdated number or a misconception', (q) => !qualityProblems(q, material).includes('teaches-error')],
    ['no duplicate question', (q) => questions.filter((o) => o.prompt === q.prompt).length === 1],
  ];
  return rules.map(([rule, passes]) => ({ rule, failed: questions.filter((q) => !passes(q)) }));
}

export function sample(notesFolder: string | undefined, count = 100, seed = 2026): { questions: Question[]; notes: NotesService } {
  const notes = new NotesService({ knowledgeRoot: root });
  if (notesFolder && fs.existsSync(notesFolder)) {
    for (const file of fs.readdirSync(notesFolder)) notes.setNote(path.join(notesFolder, file), fs.readFileSync(path.join(notesFolder, file), 'utf8'));
  }
  return { questions: quizFromNotes(notes, { count, seed }), notes };
}

if (require.main === module) {
  const folder = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(root, '..', 'shared', 'notes');
  const { questions, notes } = sample(folder);
  const results = rubric(questions, notes);
  const failing = new Set(results.flatMap((r) => r.failed));
  const fromNotes = questions.filter((q) => q.source.kind === 'user').length;
  console.log(`${questions.length} questions (${fromNotes} from the notes in ${folder}, ${questions.length - fromNotes} from the bundled knowledge)`);
  for (const r of results) console.log(`${String(questions.length - r.failed.length).padStart(4)}/${questions.length} pass  ${r.rule}`);
  console.log(`${failing.size} of ${questions.length} questions fail a rule (${((100 * failing.size) / Math.max(1, questions.length)).toFixed(1)} %)`);
  if (process.argv.includes('--verbose')) for (const q of failing) console.log(`- ${q.type}: ${q.prompt} → ${JSON.stringify(q.answer)}`);
  const types = new Map<string, number>();
  for (const q of questions) types.set(q.type, (types.get(q.type) ?? 0) + 1);
  console.log(`types: ${[...types].map(([t, n]) => `${t} ${n}`).join(', ')}`);
}
