import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Question } from '../../server/src/protocol/quiz';
import { grade, isCorrect } from '../../server/src/service/quiz/answers';

/**
 * Grading of typed answers: tolerant of what does not change the answer, strict about what
 * does. Each line is a key, an answer, and whether it must count as right.
 */

const typed = (answer: string): Question => ({
  id: 'cloze-x',
  type: 'cloze',
  topic: 'CloudFront',
  prompt: 'Fill in the blank: …',
  answer,
  explanation: 'e',
  source: { file: '/notes/cloudfront.md', startLine: 3, endLine: 3, kind: 'user' },
});

const ACCEPTED: readonly [key: string, answer: string, why: string][] = [
  ['Viewer Protocol Policy setting', 'viewer protocol policy', 'the essential words, without the filler "setting"'],
  ['Viewer Protocol Policy setting', 'Viewer Protocol Policy setting', 'word for word'],
  ['Viewer Protocol Policy', 'the viewer-protocol policy.', 'case, punctuation, an article'],
  ['Viewer Protocol Policy', 'Protocol viewer policy', 'a short phrase in another order'],
  ['Viewer Protocol Policy', 'viewer protocol policies', 'a plural'],
  ['Viewer Protocol Policy', 'viewer protocl policy', 'one slip in a long word'],
  ['visibility timeout', 'Visibilty Timeout', 'a dropped letter inside the word'],
  ['visibility timeout', 'visiblity timeout', 'another dropped letter'],
  ['retention period', 'retnetion period', 'two neighbours swapped'],
  ['access point', 'acces point', 'an inner letter dropped from a doubled one'],
  ['Amazon SQS', 'SQS', 'the leading Amazon'],
  ['SQS', 'Amazon SQS', 'an added Amazon'],
  ['Simple Queue Service', 'simple queue', 'a trailing "Service"'],
  ['Standard-IA', 'standard ia', 'a hyphen as a space'],
  ['Time to Live (TTL)', 'TTL', 'the abbreviation in parentheses'],
  ['Time to Live (TTL)', 'time-to-live', 'the words before the parentheses'],
  ['4 days', '4 day', 'a unit in the singular'],
  ['4 days', '4d', 'an abbreviated unit written with its number'],
  ['15 minutes', '15 mins', 'an abbreviated unit'],
  ['1,000', '1000', 'a thousands separator'],
  ['gp3', 'GP3', 'case in a name with a digit'],
  ['iam:PassRole', ' IAM:passrole ', 'case and spaces in code'],
  ['iam:PassRole', 'iam:PasRole', 'one slip in a long code word'],
  ['.fifo', 'fifo', 'punctuation around code'],
];

const REJECTED: readonly [key: string, answer: string, why: string][] = [
  ['gp3', 'gp2', 'another volume type'],
  ['4 days', '14 days', 'another number'],
  ['4 days', '4', 'the unit left out'],
  ['4 days', '4 hours', 'another unit'],
  ['0.5', '5', 'the decimal point matters'],
  ['IPv4', 'IPv6', 'a digit in a name'],
  ['t3.micro', 't2.micro', 'another instance family'],
  ['Viewer Protocol Policy', 'viewer policy', 'an essential word left out'],
  ['Viewer Protocol Policy', 'origin protocol policy', 'another word'],
  ['Viewer Protocol Policy', 'viewer protocol policy and origin protocol policy', 'a list that contains the key'],
  ['Standard', 'Standard-IA', 'another storage class that contains the key'],
  ['S3 Glacier', 'S3 Glacier Deep Archive', 'an extra word'],
  ['AWS managed key', 'customer managed key', 'another kind of key'],
  ['AWS managed key', 'managed key', '"AWS" is essential before "managed"'],
  ['Service Catalog', 'catalog', 'a leading "Service" is part of the name'],
  ['symmetric', 'asymmetric', 'a letter added at the start'],
  ['synchronous', 'asynchronous', 'a letter added at the start'],
  ['route table', 'router table', 'a letter added at the end'],
  ['s3:ListBucket', 's3:ListBuckets', 'another action, one letter apart'],
  ['iam:PassRole', 'iam:GetRole', 'another action'],
  ['s3:Get*', 's3:Get', 'the wildcard matters'],
  ['source to destination', 'destination to source', 'a relation is not reordered'],
  ['Time to Live (TTL)', 'TL', 'not the abbreviation'],
  ['14 days (maximum)', 'maximum', 'a remark in parentheses is not the answer'],
  ['queue', 'queu', 'short words take no slip'],
  ['Viewer Protocol Policy', '', 'nothing typed'],
  ['Viewer Protocol Policy', 'the', 'only an article'],
];

describe('grading typed answers', () => {
  for (const [key, answer, why] of ACCEPTED) {
    test(`accepts "${answer}" for "${key}" (${why})`, () => assert.equal(isCorrect(typed(key), answer), true));
  }
  for (const [key, answer, why] of REJECTED) {
    test(`rejects "${answer}" for "${key}" (${why})`, () => assert.equal(isCorrect(typed(key), answer), false));
  }

  test('says why an answer that is not word for word was counted right', () => {
    assert.equal(grade(typed('Viewer Protocol Policy setting'), 'viewer protocol policy').note, 'Counted right: the key is “Viewer Protocol Policy setting”.');
    assert.match(grade(typed('visibility timeout'), 'visibilty timeout').note ?? '', /a slip in “visibilty”/);
    assert.match(grade(typed('visibility timeout'), 'timeout visibility').note ?? '', /another order/);
    assert.equal(grade(typed('visibility timeout'), 'Visibility Timeout.').note, undefined, 'case and punctuation need no note');
  });

  test('choices stay exact: the option text, the set, the order', () => {
    const choice = { ...typed('Viewer Protocol Policy'), type: 'term-definition', options: ['Viewer Protocol Policy', 'Origin Protocol Policy'] } as Question;
    assert.equal(isCorrect(choice, 'Viewer Protocol Policy'), true);
    assert.equal(isCorrect(choice, 'viewer protocol policy'), false);
    const ordering = { ...typed(''), type: 'ordering', options: ['b', 'a'], answer: ['a', 'b'] } as Question;
    assert.equal(isCorrect(ordering, ['a', 'b']), true);
    assert.equal(isCorrect(ordering, ['b', 'a']), false);
    const multi = { ...typed(''), type: 'multi-select', options: ['a', 'b', 'c'], answer: ['a', 'c'] } as Question;
    assert.equal(isCorrect(multi, ['c', 'a']), true);
    assert.equal(isCorrect(multi, ['a']), false);
  });
});
