import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { studyProgress } from '../../server/src/service/quiz/progress';
import { escapeHtml, progressHtml } from '../../client/src/progressHtml';
import { CardStore } from '../../server/src/service/quiz/store';
import type { Question } from '../../server/src/protocol/quiz';

/** FSRS scheduling and its persistence: atomic saves, backups, crashes mid-write, damaged files. */

const question = (id: string, topic = 'Amazon SQS'): Question => ({
  id,
  type: 'true-false',
  topic,
  prompt: `True or false: <b>${id}</b>`,
  options: ['True', 'False'],
  answer: 'True',
  explanation: 'e',
  source: { file: '/k/sqs.md', startLine: 3, endLine: 3, kind: 'bundled' },
});

describe('study cards', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-cards-'));
    file = path.join(dir, 'nested', 'study-cards.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('FSRS: right answers push the card out, wrong ones bring it back soon', () => {
    const { store } = CardStore.open(file);
    const start = new Date('2026-01-01T09:00:00Z');
    let record = store.answer(question('a'), true, 10, start);
    assert.equal(record.card.reps, 1);
    record = store.answer(question('a'), true, 10, new Date(record.card.due));
    const secondInterval = new Date(record.card.due).getTime() - start.getTime();
    assert.ok(secondInterval >= 86_400_000, `next review at least a day later, got ${secondInterval} ms`);
    const wrong = store.answer(question('a'), false, 10, new Date(record.card.due));
    assert.equal(wrong.card.lapses, 1);
    assert.ok(new Date(wrong.card.due).getTime() - new Date(record.card.due).getTime() < 3_600_000, 'again within the hour');
    assert.equal(wrong.history.length, 3);
  });

  test('the learner revises an answer: it is scheduled again from the state before it, and counts once', () => {
    const { store } = CardStore.open(file);
    const start = new Date('2026-01-01T09:00:00Z');
    const first = store.answer(question('a'), true, 10, start);
    const later = new Date(first.card.due);
    const graded = store.answer(question('a'), true, 10, later);
    assert.equal(graded.history.at(-1)!.rating, 3, 'right in 10 s is Good');
    const again = store.revise('a', true, 1)!;
    assert.equal(again.history.length, 2, 'the revision replaces the answer');
    assert.deepEqual(again.history.at(-1), { at: later.toISOString(), rating: 1, correct: true });
    assert.ok(new Date(again.card.due).getTime() < new Date(graded.card.due).getTime(), 'Again brings the card back sooner than Good');
    const easy = store.revise('a', true, 4)!;
    assert.ok(new Date(easy.card.due).getTime() > new Date(graded.card.due).getTime(), 'Easy pushes it out further than Good');
    const wrong = store.revise('a', false)!;
    assert.deepEqual(wrong.history.at(-1), { at: later.toISOString(), rating: 1, correct: false }, 'wrong without a grade is Again');
    assert.equal(store.revise('never-answered', true), undefined);
    store.save();
    assert.equal(CardStore.open(file).store.revise('a', true), undefined, 'a store opened afresh has no answer to revise');
  });

  test('a revised new card is still new today, created once', () => {
    const { store } = CardStore.open(file);
    const now = new Date('2026-01-05T09:00:00Z');
    store.answer(question('n'), false, 10, now);
    const right = store.revise('n', true)!;
    assert.equal(right.card.reps, 1);
    assert.equal(right.created, now.toISOString());
    assert.equal(store.newToday(now), 1);
    assert.equal(right.history.at(-1)!.rating, 3, 'right without a grade: by the time the answer took');
  });

  test('progress survives a restart and a second save keeps a backup', () => {
    const { store } = CardStore.open(file);
    store.answer(question('a'), true, 10);
    store.save();
    store.answer(question('b'), false, 10);
    store.save();
    assert.ok(fs.existsSync(`${file}.bak`));
    const reopened = CardStore.open(file);
    assert.equal(reopened.report.problem, undefined);
    assert.equal(reopened.store.size, 2);
    assert.equal(JSON.parse(fs.readFileSync(`${file}.bak`, 'utf8')).cards.a.question.id, 'a');
  });

  test('a crash mid-write leaves the last saved progress intact', () => {
    const { store } = CardStore.open(file);
    store.answer(question('a'), true, 10);
    store.save();
    // The process died after writing half a temporary file, before the rename.
    fs.writeFileSync(`${file}.tmp-99999`, '{"format":1,"cards":{"a":');
    const reopened = CardStore.open(file);
    assert.equal(reopened.store.size, 1);
    assert.equal(reopened.report.problem, undefined);
  });

  test('a crash between backup and rename is recovered from the backup', () => {
    const { store } = CardStore.open(file);
    store.answer(question('a'), true, 10);
    store.save();
    store.save();
    fs.rmSync(file); // the main file is gone; .bak holds the last good state
    assert.equal(CardStore.open(file).store.size, 1);
  });

  test('a damaged file is moved aside and reported, the backup is restored, nothing is deleted', () => {
    const { store } = CardStore.open(file);
    store.answer(question('a'), true, 10);
    store.save();
    store.answer(question('b'), true, 10);
    store.save();
    fs.writeFileSync(file, '{ this is not json');
    const { store: reopened, report } = CardStore.open(file, new Date('2026-02-03T04:05:06Z'));
    assert.match(report.problem!, /could not be read .* moved to study-cards\.json\.corrupt-2026-02-03T04-05-06-000Z; the last backup was restored/);
    assert.equal(reopened.size, 1, 'the backup holds the state before the last save');
    assert.equal(fs.readFileSync(path.join(path.dirname(file), 'study-cards.json.corrupt-2026-02-03T04-05-06-000Z'), 'utf8'), '{ this is not json');
  });

  test('due cards come first, oldest first; new cards are counted per day', () => {
    const { store } = CardStore.open(file);
    const now = new Date('2026-03-01T10:00:00Z');
    store.answer(question('late'), false, 10, new Date('2026-02-27T10:00:00Z'));
    store.answer(question('later'), false, 10, new Date('2026-02-28T10:00:00Z'));
    store.answer(question('today'), true, 10, now);
    assert.deepEqual(
      store.due(now).map((r) => r.question.id),
      ['late', 'later'],
    );
    assert.equal(store.newToday(now), 1);
  });

  test('progress: due per day, retention per topic, streak', () => {
    const { store } = CardStore.open(file);
    const now = new Date(2026, 2, 10, 12);
    store.answer(question('a', 'SQS'), true, 10, new Date(2026, 2, 8, 12));
    store.answer(question('b', 'SQS'), false, 10, new Date(2026, 2, 9, 12));
    store.answer(question('c', 'S3'), true, 10, now);
    const progress = studyProgress(store.all(), now);
    assert.equal(progress.cards, 3);
    assert.equal(progress.streak, 3);
    assert.equal(progress.answersToday, 1);
    assert.deepEqual(
      progress.topics.map((t) => [t.topic, t.answers, t.correct]),
      [
        ['SQS', 2, 1],
        ['S3', 1, 1],
      ],
    );
    assert.equal(
      progress.duePerDay.reduce((a, b) => a + b, 0),
      3,
    );
  });

  test('the progress page has a strict CSP, no script, and escapes every text', () => {
    const { store } = CardStore.open(file);
    store.answer(question('x', '<script>alert(1)</script>'), true, 10);
    const html = progressHtml(studyProgress(store.all()), 'abc123', 'vscode-resource:');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; img-src vscode-resource: data:; style-src 'nonce-abc123';"/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /style="/, 'no inline style attributes (the CSP would block them)');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.equal(escapeHtml(`"'<&>`), '&quot;&#39;&lt;&amp;&gt;');
  });
});
