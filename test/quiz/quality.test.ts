import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Question } from '../../server/src/protocol/quiz';
import { NotesService } from '../../server/src/service/notes/service';
import { quizFromNotes } from '../../server/src/service/quiz/generate';
import { correctedQuestion, qualityProblems } from '../../server/src/service/quiz/quality';
import { rubric } from '../../scripts/quality/quiz';

/** What a good tutor would never ask, scenario questions from the bank, and the rubric over generated quizzes. */

const root = path.resolve(__dirname, '..', '..');
const source = { file: '/n/notes.md', startLine: 3, endLine: 3, kind: 'user' as const };
const base = { id: 'q', topic: 'T', explanation: 'because', source };
const notes = new NotesService({ knowledgeRoot: root });

describe('quality rules', () => {
  test('a section label is not a term', () => {
    const q: Question = {
      ...base,
      type: 'term-definition',
      prompt: '[S3 › Costs] What is Cost trap?',
      options: ['a b c d', 'e f g h', 'i j k l'],
      answer: 'a b c d',
    };
    assert.ok(qualityProblems(q).includes('label-as-term'));
  });

  test('fragments: a blank with no sentence, a two-word definition, an answer that trails off', () => {
    assert.ok(qualityProblems({ ...base, type: 'cloze', prompt: 'Fill in the blank: Data Destinations: _____.', answer: 'S3, Redshift' }).includes('fragment'));
    assert.ok(
      qualityProblems({
        ...base,
        type: 'definition-term',
        prompt: 'Which term is this: "down to 1 second"?',
        options: ['High resolution', 'Period', 'Datapoints'],
        answer: 'High resolution',
      }).includes('fragment'),
    );
    assert.ok(
      qualityProblems({
        ...base,
        type: 'term-definition',
        prompt: 'What is AWS SES?',
        options: ['AWS Simple Email Service -', 'a b c d', 'e f g h'],
        answer: 'AWS Simple Email Service -',
      }).includes('fragment'),
    );
  });

  test('an answer that appears in the question', () => {
    const q: Question = {
      ...base,
      type: 'numeric',
      prompt: 'Fill in the number: Start with __ GB. Scales in 10-GB increments.',
      options: ['10 GB', '20 GB', '30 GB'],
      answer: '10 GB',
    };
    assert.ok(qualityProblems(q).includes('leaked-answer'));
  });

  test("a worked example's given value is not a question", () => {
    const q: Question = {
      ...base,
      type: 'numeric',
      prompt: 'Fill in the number: Suppose that each item is __ KB and you read 40 items.',
      options: ['4 KB', '8 KB', '1 KB'],
      answer: '4 KB',
    };
    assert.ok(qualityProblems(q).includes('worked-example'));
  });

  test('distractors of another kind, and scraps', () => {
    assert.ok(
      qualityProblems({
        ...base,
        type: 'term-definition',
        prompt: 'What is a private network?',
        options: ['dn', 'Runs in a VPC with its rules', 'Memory optimized instances'],
        answer: 'Runs in a VPC with its rules',
      }).includes('distractor-kind'),
    );
    assert.ok(
      qualityProblems({ ...base, type: 'table-cell', prompt: 'Which one has Delivery: push?', options: ['SNS', '14 days', 'SQS'], answer: 'SNS' }).includes(
        'distractor-kind',
      ),
    );
  });

  test('a note that states a misconception is asked as a "False" that teaches the correct statement', () => {
    const material = notes.studyMaterial();
    const q: Question = {
      ...base,
      type: 'cloze',
      prompt: '[VPC › NAT] Fill in the blank: You can attach a _____ to a NAT gateway to filter its traffic.',
      answer: 'security group',
    };
    const corrected = correctedQuestion(q, material);
    assert.ok(corrected);
    assert.equal(corrected.type, 'true-false');
    assert.equal(corrected.answer, 'False');
    assert.match(corrected.explanation, /^False\. .*NAT gateway/i);
  });
});

describe('scenario questions', () => {
  const bank = ['compute-devops.json', 'security-data.json'].flatMap(
    (file) =>
      JSON.parse(fs.readFileSync(path.join(root, 'knowledge', 'scenarios', file), 'utf8')).questions as {
        id: string;
        services: string[];
        options: string[];
        answer: number;
        why: string[];
        source: string;
        scenario: string;
      }[],
  );

  test('the bank holds at least 250 questions, each with one answer, a reason per option and a documentation link', () => {
    assert.ok(bank.length >= 250, `${bank.length}`);
    assert.equal(new Set(bank.map((q) => q.id)).size, bank.length);
    for (const q of bank) {
      assert.ok(q.options.length >= 4 && q.options.length <= 5, q.id);
      assert.equal(q.why.length, q.options.length, q.id);
      assert.ok(q.answer >= 0 && q.answer < q.options.length, q.id);
      assert.match(q.source, /^https:\/\/docs\.aws\.amazon\.com\//, q.id);
      assert.match(q.scenario, /\?\s*$/, q.id);
    }
  });

  test('quizzes mix them in by topic, IAM prefixes included ("rds" is RDS and Aurora)', () => {
    const questions = quizFromNotes(notes, { topic: 'rds', count: 200, seed: 4 }).filter((q) => q.type === 'scenario');
    assert.ok(questions.length >= 5, `${questions.length}`);
    for (const q of questions) {
      assert.ok(q.options!.includes(q.answer as string));
      assert.match(q.explanation, /✓ .+ — /);
      assert.equal(q.source.kind, 'bundled');
    }
  });
});

describe('the quiz rubric (docs/quiz-quality.md)', () => {
  test('fewer than 2 % of 100 questions from notes and knowledge fail a machine-checkable rule', () => {
    const withNotes = new NotesService({ knowledgeRoot: root });
    const fixtures = path.join(__dirname, '..', 'notes', 'fixtures');
    for (const file of fs.readdirSync(fixtures)) withNotes.setNote(path.join(fixtures, file), fs.readFileSync(path.join(fixtures, file), 'utf8'));
    const questions = quizFromNotes(withNotes, { count: 100, seed: 2026 });
    assert.equal(questions.length, 100);
    const failing = new Set(rubric(questions, withNotes).flatMap((r) => r.failed));
    assert.ok(failing.size < 2, [...failing].map((q) => q.prompt).join('\n'));
  });
});
