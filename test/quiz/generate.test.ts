import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EMPTY_KNOWLEDGE, loadFact } from '../../server/src/service/notes/knowledge';
import { NotesService } from '../../server/src/service/notes/service';
import { isCorrect } from '../../server/src/service/quiz/answers';
import { clozes, numerics, termDefinitions } from '../../server/src/service/quiz/extract';
import type { Question } from '../../server/src/protocol/quiz';
import { quizFromNotes } from '../../server/src/service/quiz/generate';

/** Question generation: the extraction heuristics, determinism, and well-formed questions over all the bundled knowledge. */

const root = path.resolve(__dirname, '..', '..');
const FACT = loadFact({
  id: 'sqs-retention-max',
  service: 'sqs',
  topic: 'Amazon SQS',
  serviceWords: ['sqs', 'queue'],
  property: 'maximum message retention',
  propertyWords: [
    ['retention', 'keeps', 'live'],
    ['max', 'maximum', 'up to'],
  ],
  statement: 'SQS keeps a message for up to 14 days.',
  value: 14,
  unit: 'days',
  qualifier: 'max',
  alsoCorrect: [{ value: 1_209_600, unit: 'seconds' }],
  source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-queue-parameters.html',
  checked: '2026-12-07',
  note: 'knowledge/notes/sqs.md',
})!;

function service(notes: Record<string, string> = {}, knowledge = true): NotesService {
  const service = new NotesService({ knowledgeRoot: root, ...(knowledge ? {} : { knowledge: { ...EMPTY_KNOWLEDGE, facts: [FACT] } }) });
  for (const [file, text] of Object.entries(notes)) service.setNote(file, text);
  return service;
}

function wellFormed(q: Question): void {
  assert.ok(q.prompt.trim().length >= 10, `prompt: ${q.prompt}`);
  assert.ok(q.explanation.trim().length > 0);
  assert.ok(q.source.startLine >= 1 && q.source.endLine >= q.source.startLine, JSON.stringify(q.source));
  const answers = Array.isArray(q.answer) ? q.answer : [q.answer as string];
  assert.ok(
    answers.every((a) => a.trim() !== ''),
    `empty answer in ${q.id}`,
  );
  if (q.options) {
    assert.equal(new Set(q.options).size, q.options.length, `duplicate options in ${q.id}`);
    assert.ok(
      answers.every((a) => q.options!.includes(a)),
      `answer not among options in ${q.id}`,
    );
  }
  assert.doesNotMatch(q.prompt, /\*\*|\]\(|â€|incorrect because/, `broken markdown or bad source in ${q.prompt}`);
}

describe('extraction heuristics', () => {
  test('term - definition bullets, not context-free labels', () => {
    const terms = termDefinitions(
      [
        '- **Standard queue** - at-least-once delivery with best-effort ordering',
        '- Basic: 5 minutes, N/A for ELB',
        '- For ECS: a task set gets the traffic',
        '- FIFO queue: exactly-once processing in strict order',
      ],
      10,
    );
    assert.deepEqual(
      terms.map((t) => [t.term, t.line]),
      [
        ['Standard queue', 10],
        ['FIFO queue', 13],
      ],
    );
  });
  test('cloze on a bold or code span that appears once', () => {
    const [cloze] = clozes(['- Use `iam:PassRole` to give a role to a service like EC2 or Lambda.'], 3, 'IAM');
    assert.deepEqual(cloze, { sentence: 'Use _____ to give a role to a service like EC2 or Lambda.', answer: 'iam:PassRole', line: 3 });
    assert.deepEqual(
      clozes(['- Using **Timers** is incorrect because it only notifies the decider.'], 1, 'SWF'),
      [],
      'explanations of wrong answers are skipped',
    );
  });
  test('numbers with units', () => {
    const [numeric] = numerics(['- The maximum Lambda timeout is 15 minutes for a function.'], 7);
    assert.equal(numeric!.quantity.value, 15);
    assert.equal(numeric!.line, 7);
  });
});

describe('quizzes', () => {
  test('the same seed gives the same questions; another seed another order', () => {
    const a = quizFromNotes(service(), { count: 15, seed: 42 });
    const b = quizFromNotes(service(), { count: 15, seed: 42 });
    assert.deepEqual(a, b);
    assert.equal(a.length, 15);
    assert.notDeepEqual(
      a.map((q) => q.id),
      quizFromNotes(service(), { count: 15, seed: 43 }).map((q) => q.id),
    );
  });

  test('every question over the bundled knowledge is well formed, and every type appears', () => {
    const questions = quizFromNotes(service(), { count: 500, seed: 1 });
    assert.ok(questions.length > 200, `${questions.length} questions`);
    for (const q of questions) wellFormed(q);
    const types = new Set(questions.map((q) => q.type));
    for (const type of ['term-definition', 'definition-term', 'cloze', 'numeric', 'true-false', 'ordering', 'multi-select'])
      assert.ok(types.has(type as never), `no ${type}`);
    assert.equal(new Set(questions.map((q) => q.id)).size, questions.length, 'ids are unique');
  });

  test('a topic narrows the questions', () => {
    const questions = quizFromNotes(service(), { topic: 'codedeploy', count: 20, seed: 3 });
    assert.ok(questions.length > 0);
    assert.ok(
      questions.every((q) => /codedeploy/i.test(`${q.topic} ${q.prompt} ${q.source.file}`)),
      questions.map((q) => q.topic).join(', '),
    );
  });

  test('a wrong note is never quizzed as true: it becomes a "False" with the correct fact', () => {
    const notes = { '/n/queues.md': '# SQS\n## Retention\n- Messages can live on an SQS queue for up to 15 days before they are deleted.\n' };
    const questions = quizFromNotes(service(notes, false), { count: 50, seed: 5, files: ['/n/queues.md'] });
    const question = questions.find((q) => q.prompt.includes('15 days'));
    assert.ok(question, JSON.stringify(questions.map((q) => q.prompt)));
    assert.equal(question.type, 'true-false');
    assert.equal(question.answer, 'False');
    assert.match(
      question.explanation,
      /^False\. SQS keeps a message for up to 14 days\. Your note \(queues\.md, line 3\) disagrees with the curated fact \(Amazon SQS › maximum message retention; https:\/\/docs\.aws\.amazon\.com\/.+\)\.$/,
    );
    assert.deepEqual([question.source.file, question.source.startLine], ['/n/queues.md', 3]);
  });

  test('empty sections make no questions', () => {
    const notes = { '/n/stub.md': '# DynamoDB\n* **DynamoDB** - \n# Cognito\n' };
    assert.deepEqual(quizFromNotes(service(notes, false), { count: 20, seed: 1, files: ['/n/stub.md'] }), []);
  });

  test('answers: choices exactly, typed answers tolerantly, order and sets', () => {
    const typed = {
      id: 'x',
      type: 'cloze',
      topic: 't',
      prompt: 'p',
      answer: 'iam:PassRole',
      explanation: 'e',
      source: { file: 'f', startLine: 1, endLine: 1, kind: 'user' },
    } as Question;
    assert.ok(isCorrect(typed, ' IAM:passrole '));
    assert.ok(isCorrect(typed, 'iam:PasRole'), 'one typo');
    assert.ok(!isCorrect(typed, 'iam:GetRole'));
    const ordering = { ...typed, type: 'ordering', options: ['b', 'a'], answer: ['a', 'b'] } as Question;
    assert.ok(isCorrect(ordering, ['a', 'b']) && !isCorrect(ordering, ['b', 'a']));
    const multi = { ...typed, type: 'multi-select', options: ['a', 'b', 'c'], answer: ['a', 'c'] } as Question;
    assert.ok(isCorrect(multi, ['c', 'a']) && !isCorrect(multi, ['a']));
  });
});

describe('quiz from the command line', () => {
  test('the JSON shape', async () => {
    const { run } = await import('../cli/shared');
    const r = run(['quiz', '--count', '5', '--seed', '9', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const questions = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(questions.length, 5);
    for (const q of questions) {
      assert.deepEqual(
        Object.keys(q)
          .filter((k) => k !== 'options')
          .sort(),
        ['answer', 'explanation', 'id', 'prompt', 'source', 'type'],
      );
      assert.deepEqual(Object.keys(q.source as object).sort(), ['endLine', 'file', 'startLine']);
      assert.ok(path.isAbsolute((q.source as { file: string }).file));
      assert.ok(fs.existsSync((q.source as { file: string }).file), 'the source file exists');
    }
    assert.equal(run(['quiz', '--count', '0']).status, 2);
  });
});
