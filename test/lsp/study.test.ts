import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  NotesChangedNotification,
  QuizAnswerRequest,
  QuizProgressRequest,
  QuizSessionRequest,
  StudyChangedNotification,
  StudyOverviewRequest,
  type StudyOverview,
} from '../../server/src/protocol';
import { LspClient } from '../support/lspClient.mjs';
import { poll } from '../support/poll.mjs';
import { TIMEOUT } from './shared';

/**
 * The AWS Study view's data over the protocol: the counts after an answer, the notification
 * that tells the client to ask again, the notes folders with their files and lint findings,
 * and the progress page's data with topics per service and dated buckets.
 */

describe('study overview over the protocol', TIMEOUT, () => {
  let client: LspClient;
  let folder: string;
  let notesDir: string;
  let changes = 0;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-study-'));
    notesDir = path.join(folder, 'notes');
    fs.mkdirSync(path.join(notesDir, 'deep'), { recursive: true });
    // A wrong number (SQS keeps messages 14 days at most) and a correct one.
    fs.writeFileSync(path.join(notesDir, 'queues.md'), '# SQS\n\n## Retention\n- Messages can live on an SQS queue for up to 15 days.\n');
    fs.writeFileSync(path.join(notesDir, 'deep', 'lambda.md'), '# Lambda\n\n- A function runs for at most 15 minutes.\n');
    client = await LspClient.start({
      initializationOptions: { quizStoreFile: path.join(folder, 'storage', 'study-cards.json') },
      settings: { awsStudyHints: { notes: { paths: [notesDir, path.join(folder, 'missing')] }, quiz: { newCardsPerDay: 5 } } },
    });
    client.connection.onNotification(StudyChangedNotification, () => {
      changes++;
    });
  });
  after(async () => {
    await client?.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const overview = (notes = false) => client.connection.sendRequest(StudyOverviewRequest, { notes });

  test('the notes folders: files, lint findings and the first finding of each file; a missing folder says so', async () => {
    const result = await poll(
      'the notes to be indexed and linted',
      async () => {
        const o = await overview(true);
        return o.notesFolders?.[0]?.findings ? o : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    const [notes, missing] = result.notesFolders!;
    assert.equal(notes!.entry, notesDir);
    assert.equal(notes!.folder, notesDir);
    assert.equal(notes!.exists, true);
    assert.equal(notes!.files, 2, 'files in subfolders count');
    assert.equal(notes!.findings, 1);
    assert.deepEqual(notes!.filesWithFindings, [
      {
        uri: pathToFileURL(path.join(notesDir, 'queues.md')).href,
        findings: 1,
        first: { line: 3, character: notes!.filesWithFindings[0]!.first.character, message: notes!.filesWithFindings[0]!.first.message },
      },
    ]);
    assert.match(notes!.filesWithFindings[0]!.first.message, /14 days/);
    const gone = path.join(folder, 'missing');
    assert.deepEqual(missing, { entry: gone, folder: gone, exists: false, files: 0, findings: 0, filesWithFindings: [] });
    // Without being asked, the overview stays cheap: no notes listing.
    assert.equal((await overview()).notesFolders, undefined);
  });

  test('a fixed note is counted again after the change, and the client is told', async () => {
    const before = changes;
    const file = path.join(notesDir, 'queues.md');
    fs.writeFileSync(file, '# SQS\n\n## Retention\n- Messages can live on an SQS queue for up to 14 days.\n');
    await client.connection.sendNotification(NotesChangedNotification, { changed: [pathToFileURL(file).href], deleted: [] });
    await poll('a studyChanged notification', () => (changes > before ? true : undefined), { timeoutMs: 10_000, intervalMs: 50 });
    const result = await overview(true);
    assert.equal(result.notesFolders![0]!.findings, 0);
    assert.deepEqual(result.notesFolders![0]!.filesWithFindings, []);
  });

  test('an answer changes the counts and the server says so', async () => {
    const empty: StudyOverview = await overview();
    assert.equal(empty.cards, 0);
    assert.equal(empty.newCardsPerDay, 5);
    const { questions } = await client.connection.sendRequest(QuizSessionRequest, { mode: 'topic', topic: 'S3', count: 2, seed: 4 });
    assert.equal(questions.length, 2);
    const before = changes;
    await client.connection.sendRequest(QuizAnswerRequest, { question: questions[0]!, answer: 'surely wrong', seconds: 10 });
    await client.connection.sendRequest(QuizAnswerRequest, { question: questions[1]!, answer: questions[1]!.answer, seconds: 10 });
    await poll('a studyChanged notification per answer', () => (changes >= before + 2 ? true : undefined), { timeoutMs: 10_000, intervalMs: 50 });
    const after = await overview();
    assert.equal(after.cards, 2);
    assert.equal(after.newToday, 2);
    assert.ok(after.nextDue, 'the wrong answer comes back within minutes');
    assert.ok(after.dueToday >= 1);
    // S3 questions, whatever their chapter, count under one service.
    assert.deepEqual(
      after.topics.map((t) => [t.topic, t.cards, t.answers, t.correct]),
      [['Amazon S3', 2, 2, 1]],
    );
  });

  test('the progress page data: dated buckets, weeks, the hardest card, topics per service', async () => {
    const progress = await client.connection.sendRequest(QuizProgressRequest);
    assert.equal(progress.dueDates.length, progress.duePerDay.length);
    assert.match(progress.dueDates[0]!, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(progress.weeks.at(-1)!.answers, 2);
    assert.equal(progress.hardest.length, 1);
    assert.equal(progress.hardest[0]!.topic, 'Amazon S3');
    assert.deepEqual(
      progress.topics.map((t) => t.topic),
      ['Amazon S3'],
    );
  });
});
