import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { QuizAnswerRequest, QuizProgressRequest, QuizReviseRequest, QuizSessionRequest } from '../../server/src/protocol';
import { LspClient } from '../support/lspClient.mjs';
import { TIMEOUT } from './shared';

/**
 * Quizzes over the protocol: the server plans sessions, grades answers, schedules cards and saves
 * them in the file the client names; the client only shows questions.
 */

describe('quizzes over the protocol', TIMEOUT, () => {
  let client: LspClient;
  let folder: string;
  let storeFile: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-quiz-'));
    storeFile = path.join(folder, 'storage', 'study-cards.json');
    client = await LspClient.start({ initializationOptions: { quizStoreFile: storeFile }, settings: { awsStudyHints: { quiz: { newCardsPerDay: 3 } } } });
  });
  after(async () => {
    await client?.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('a topic session is planned on the server, within the daily limit of new cards', async () => {
    const session = await client.connection.sendRequest(QuizSessionRequest, { mode: 'topic', topic: 'SQS', count: 10, seed: 7 });
    assert.equal(session.questions.length, 3, 'newCardsPerDay is 3');
    for (const question of session.questions) assert.match(`${question.topic} ${question.prompt}`, /sqs|queue/i);
  });

  test('an answer is graded, scheduled and saved before the reply; progress counts it', async () => {
    const { questions } = await client.connection.sendRequest(QuizSessionRequest, { mode: 'topic', topic: 'SQS', count: 1, seed: 7 });
    const question = questions[0]!;
    const right = await client.connection.sendRequest(QuizAnswerRequest, { question, answer: question.answer, seconds: 10 });
    assert.equal(right.correct, true);
    assert.ok(new Date(right.due).getTime() > Date.now(), 'a right answer is due later');
    assert.equal(right.saveError, undefined);
    const saved = JSON.parse(fs.readFileSync(storeFile, 'utf8')) as { format: number; cards: Record<string, unknown> };
    assert.equal(saved.format, 1);
    assert.ok(question.id in saved.cards, 'the card is in the file as soon as the answer is acknowledged');

    const wrong = await client.connection.sendRequest(QuizAnswerRequest, { question, answer: 'certainly not the answer', seconds: 10 });
    assert.equal(wrong.correct, false);
    assert.equal(wrong.expected, Array.isArray(question.answer) ? question.answer.join(question.type === 'ordering' ? ' → ' : ', ') : question.answer);

    const progress = await client.connection.sendRequest(QuizProgressRequest);
    assert.equal(progress.cards, 1);
    assert.equal(progress.answersToday, 2);
  });

  test('review of due cards: a card answered wrong is due again soon, and nothing else is asked', async () => {
    const due = await client.connection.sendRequest(QuizSessionRequest, { mode: 'due' });
    // "Again" schedules the card minutes ahead: not due yet, so the review says so.
    assert.equal(due.questions.length, 0);
    assert.match(due.message ?? '', /No cards are due/);
  });

  test('the reply carries the grade, and the learner revises it ("I was right", another grade) before going on', async () => {
    const { questions } = await client.connection.sendRequest(QuizSessionRequest, { mode: 'topic', topic: 'SQS', count: 1, seed: 11 });
    const question = questions[0]!;
    const wrong = await client.connection.sendRequest(QuizAnswerRequest, { question, answer: 'certainly not the answer', seconds: 10 });
    assert.equal(wrong.correct, false);
    assert.equal(wrong.rating, 1, 'wrong is Again');
    assert.ok(wrong.excerpt && wrong.excerpt.length > 0, 'the lines the question comes from');

    const right = await client.connection.sendRequest(QuizReviseRequest, { questionId: question.id, correct: true });
    assert.equal(right.correct, true);
    assert.equal(right.rating, 3, 'right in 10 s is Good');
    assert.ok(new Date(right.due).getTime() > new Date(wrong.due).getTime(), 'a right answer comes back later');
    const easy = await client.connection.sendRequest(QuizReviseRequest, { questionId: question.id, correct: true, rating: 4 });
    assert.equal(easy.rating, 4);
    assert.equal(easy.saveError, undefined);

    const saved = JSON.parse(fs.readFileSync(storeFile, 'utf8')) as { cards: Record<string, { history: { rating: number; correct: boolean }[] }> };
    assert.deepEqual(
      saved.cards[question.id]!.history.map((h) => [h.rating, h.correct]),
      [[4, true]],
      'saved at once; the revisions replace the answer instead of adding to it',
    );
    const unknown = await client.connection.sendRequest(QuizReviseRequest, { questionId: 'never-asked', correct: true });
    assert.match(unknown.saveError ?? '', /can no longer be changed/);
  });

  test('a quiz on a policy asks about the services of its actions', async () => {
    const uri = 'file:///ws/bucket-read.json';
    await client.open(uri, 'json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:ReceiveMessage"], "Resource": "*"}]}');
    const session = await client.connection.sendRequest(QuizSessionRequest, { mode: 'file', uri, count: 5, seed: 3 });
    assert.ok(session.questions.length > 0, session.message);
    for (const question of session.questions) assert.match(`${question.topic} ${question.prompt}`, /sqs|queue|message/i);
  });

  test('Quiz Me on This File asks first about what the policy itself uses, and no other service', async () => {
    const fresh = await LspClient.start({ settings: { awsStudyHints: { quiz: { newCardsPerDay: 20 } } } });
    try {
      const uri = 'file:///ws/reports-read.json';
      const policy = `{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports", "Condition": {"StringLike": {"s3:prefix": "2024/*"}}},
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}`;
      await fresh.open(uri, 'json', policy);
      const session = await fresh.connection.sendRequest(QuizSessionRequest, { mode: 'file', uri, count: 5, seed: 3 });
      assert.equal(session.questions.length, 5, session.message);
      for (const question of session.questions) {
        assert.equal(question.source.kind, 'file', question.prompt);
        assert.match(question.prompt, /s3:(ListBucket|GetObject)|arn:aws:s3:::reports/);
      }
    } finally {
      await fresh.shutdown();
    }
  });

  test('without a storage file the server keeps progress in memory', async () => {
    const memory = await LspClient.start();
    try {
      const { questions } = await memory.connection.sendRequest(QuizSessionRequest, { mode: 'topic', topic: 'Lambda', count: 1, seed: 1 });
      const result = await memory.connection.sendRequest(QuizAnswerRequest, { question: questions[0]!, answer: questions[0]!.answer, seconds: 3 });
      assert.equal(result.correct, true);
      assert.equal(result.saveError, undefined);
      assert.equal((await memory.connection.sendRequest(QuizProgressRequest)).cards, 1);
    } finally {
      await memory.shutdown();
    }
  });
});
