import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fact } from '../../server/src/service/notes/knowledge';
import { collectMentions, lintStatements, statementsOf } from '../../server/src/service/notes/lint';
import { findCounts, findQuantities } from '../../server/src/service/notes/quantities';

/** The notes lint on facts written for the test: precision first. */

const FACTS: Fact[] = [
  {
    id: 'sqs-retention',
    topic: 'Amazon SQS',
    section: 'Message retention',
    note: 'knowledge/notes/sqs.md',
    kind: 'duration',
    statement: 'SQS keeps a message for 1 minute to 14 days; the default is 4 days.',
    keywords: [
      ['sqs', 'queue'],
      ['retention', 'retain', 'retained', 'keeps', 'kept'],
    ],
    quantities: [
      { value: 60, unit: 'seconds', qualifier: 'min' },
      { value: 14, unit: 'days', qualifier: 'max' },
      { value: 4, unit: 'days', qualifier: 'default' },
    ],
  },
  {
    id: 'lambda-timeout',
    topic: 'AWS Lambda',
    section: 'Limits',
    note: 'knowledge/notes/lambda.md',
    kind: 'duration',
    statement: 'A Lambda function runs for at most 15 minutes (900 seconds); the default timeout is 3 seconds.',
    keywords: [
      ['lambda', 'function'],
      ['timeout', 'runs for', 'run for'],
    ],
    quantities: [
      { value: 15, unit: 'minutes', qualifier: 'max' },
      { value: 3, unit: 'seconds', qualifier: 'default' },
    ],
  },
  {
    id: 'lambda-layers',
    topic: 'AWS Lambda',
    section: 'Layers',
    note: 'knowledge/notes/lambda.md',
    kind: 'count',
    statement: 'A Lambda function can use at most 5 layers.',
    keywords: [['lambda'], ['layer', 'layers']],
    quantities: [{ value: 5, unit: 'count', qualifier: 'max' }],
  },
  {
    id: 'fsr-quota',
    topic: 'Amazon EBS',
    section: 'Snapshots',
    note: 'knowledge/notes/ec2.md',
    kind: 'count',
    statement: 'Fast snapshot restore can be enabled for up to 5 snapshots per Region by default.',
    keywords: [
      ['fast', 'fsr'],
      ['snapshot', 'snapshots'],
    ],
    quantities: [{ value: 5, unit: 'count', qualifier: 'default' }],
  },
];

const lint = (text: string) => lintStatements(statementsOf(text), FACTS);

describe('notes lint', () => {
  test('a wrong maximum is flagged on the number, with the right one as the fix', () => {
    const text = '- Retention: SQS keeps messages for 15 days at most.';
    const [problem, ...rest] = lint(text);
    assert.equal(rest.length, 0);
    assert.equal(problem!.kind, 'contradicts-fact');
    assert.equal(text.slice(problem!.offset, problem!.offset + problem!.length), '15 days');
    assert.match(problem!.message, /Your note says 15 days, but SQS keeps a message for 1 minute to 14 days; the default is 4 days\./);
    assert.deepEqual(problem!.replacement && { text: problem!.replacement.text }, { text: '14 days' });
  });
  test('correct statements, in any unit, are left alone', () => {
    assert.deepEqual(lint('SQS retention defaults to 4 days and can be up to 14 days.'), []);
    assert.deepEqual(lint('Lambda timeout max is 900 seconds.'), []);
    assert.deepEqual(lint('The Lambda timeout can go up to 15 min.'), []);
  });
  test('numbers that are not about the fact are left alone', () => {
    assert.deepEqual(lint('SQS retention is 4 days; the visibility timeout of the queue is 30 seconds.'), []);
    assert.deepEqual(lint('Kinesis keeps records for 24 hours by default.'), [], 'another service');
    assert.deepEqual(lint('Studied SQS for 15 days before the exam.'), [], 'no property word');
  });
  test('without a qualifier and with several correct values there is no fix', () => {
    const [problem] = lint('SQS retention: 10 days.');
    assert.equal(problem!.replacement, undefined);
  });
  test('notes that disagree with each other', () => {
    const mentions = collectMentions([{ file: 'other.md', text: 'intro\nSQS retention default is 4 days.' }], FACTS);
    const problems = lintStatements(statementsOf('- SQS retention default: 14 days'), FACTS, (fact) => mentions.get(fact.id) ?? []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.kind, 'notes-disagree');
    assert.match(problems[0]!.message, /14 days here, 4 days in other\.md \(line 2\)/);
  });
  test('a wrong count is flagged on the number and its noun; the fix rewrites the number only', () => {
    const text = 'Lambda: a function can have up to 10 layers.';
    const [problem, ...rest] = lint(text);
    assert.equal(rest.length, 0);
    assert.equal(text.slice(problem!.offset, problem!.offset + problem!.length), '10 layers');
    assert.match(problem!.message, /Your note says 10 layers, but A Lambda function can use at most 5 layers\./);
    const r = problem!.replacement!;
    assert.equal(`${text.slice(0, r.offset)}${r.text}${text.slice(r.offset + r.length)}`, 'Lambda: a function can have up to 5 layers.');
  });
  test('counts are judged only with a qualifier before and the noun after', () => {
    assert.deepEqual(lint('Lambda: max 5 layers per function.'), [], 'correct');
    assert.deepEqual(lint('For the Lambda demo I built 2 layers.'), [], 'no qualifier: a story, not a limit');
    assert.deepEqual(lint('Lambda layers: the limit is 3 and then some.'), [], 'no noun after the number');
    assert.deepEqual(lint('Lambda runtime 3.12 supports layers, max 1.5 layers'), [], 'decimals are not counts');
    assert.deepEqual(lint('Lambda: up to 1-10 layers'), [], 'ranges are not judged');
  });
  test('a count known only by its default is an adjustable quota: a larger maximum is not flagged', () => {
    assert.deepEqual(lint('FSR supports up to 50 snapshots per region.'), []);
    assert.equal(lint('FSR: by default 10 snapshots per region.').length, 1);
  });
  test('counts in prose', () => {
    assert.deepEqual(
      findCounts('up to 10,000 records and 5 basic selectors, v2 and 3.5 selectors', ['records', 'selectors']).map((q) => [q.value, q.length]),
      [
        [10000, 14],
        [5, 17],
      ],
    );
  });
  test('quantities in prose', () => {
    assert.deepEqual(
      findQuantities('up to 256 KB, 15min, 1,000 ms, 2h and 3 h').map((q) => [q.value, q.unit]),
      [
        [256, 'KB'],
        [15, 'minutes'],
        [1000, 'milliseconds'],
        [2, 'hours'],
      ],
    );
    assert.deepEqual(findQuantities('version 3.10 of s3 and 5s'), [
      { value: 5, unit: 'seconds', kind: 'duration', base: 5, offset: 23, length: 2, numberOffset: 23, numberLength: 1 },
    ]);
  });
});
