import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { dayLabel, progressHtml } from '../../client/src/progressHtml';
import type { Question } from '../../server/src/protocol/quiz';
import { hardestCards, localDate, studyOverview, studyProgress, weeklyProgress } from '../../server/src/service/quiz/progress';
import { CardStore } from '../../server/src/service/quiz/store';

/**
 * The data of the progress page and the AWS Study view, computed from a real card store:
 * dated due buckets, right answers per week, the hardest cards, topics per service, and
 * progress files written before these existed.
 */

const question = (id: string, topic = 'Amazon SQS', prompt = `Question ${id}`): Question => ({
  id,
  type: 'true-false',
  topic,
  prompt,
  options: ['True', 'False'],
  answer: 'True',
  explanation: 'e',
  source: { file: '/notes/sqs.md', startLine: 7, endLine: 7, kind: 'user' },
});

/** A local time: the calendar the learner sees. */
const at = (month: number, day: number, hour = 12) => new Date(2026, month - 1, day, hour);

describe('study progress data', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-progress-'));
    file = path.join(dir, 'study-cards.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('due cards per calendar day, each bucket with its date; overdue cards count today', () => {
    const { store } = CardStore.open(file);
    store.answer(question('overdue'), false, 10, at(3, 1)); // due minutes later: long overdue by 10 March
    store.answer(question('tomorrow'), true, 3, at(3, 9, 9)); // quick and right (Easy): due days later
    const now = at(3, 10, 18);
    const progress = studyProgress(store.all(), now);
    assert.equal(progress.dueDates.length, 28);
    assert.equal(progress.dueDates[0], '2026-03-10');
    assert.equal(progress.dueDates[1], '2026-03-11');
    assert.equal(progress.dueDates[27], '2026-04-06', 'calendar dates across the month end');
    assert.equal(progress.duePerDay[0], 1, 'the overdue card is in today’s bar');
    const tomorrowDue = new Date(store.get('tomorrow')!.card.due);
    const index = progress.dueDates.indexOf(localDate(tomorrowDue));
    assert.ok(index >= 0, `the bar of ${localDate(tomorrowDue)} exists`);
    assert.equal(progress.duePerDay[index], 1);
    assert.equal(progress.dueNow, 1);
    assert.equal(dayLabel('2026-03-10'), 'Tue 10 Mar');
    assert.equal(dayLabel('2026-03-10', false), '10 Mar');
  });

  test('right answers per week, Monday first, from the first week with answers, at most twelve weeks', () => {
    const { store } = CardStore.open(file);
    const now = at(3, 12); // a Thursday
    store.answer(question('a'), true, 10, at(2, 23)); // Monday three weeks back
    store.answer(question('b'), false, 10, at(3, 1)); // Sunday: still the week of 23 February
    store.answer(question('a'), false, 10, at(3, 9)); // Monday of this week
    store.answer(question('b'), true, 10, at(3, 11));
    store.answer(question('c'), true, 10, at(3, 11));
    store.answer(question('c'), true, 10, at(3, 20)); // in the future: not counted
    const weeks = weeklyProgress(store.all(), now);
    assert.deepEqual(weeks, [
      { start: '2026-02-23', answers: 2, correct: 1 },
      { start: '2026-03-02', answers: 0, correct: 0 },
      { start: '2026-03-09', answers: 3, correct: 2 },
    ]);
    // Twelve weeks at most: an answer eleven weeks back opens the chart, an older one is left out.
    store.answer(question('d'), true, 10, new Date(2025, 11, 22));
    store.answer(question('e'), true, 10, new Date(2025, 11, 1));
    const long = weeklyProgress(store.all(), now);
    assert.equal(long.length, 12);
    assert.deepEqual(long[0], { start: '2025-12-22', answers: 1, correct: 1 });
    assert.equal(long.at(-1)!.start, '2026-03-09');
    assert.equal(
      long.reduce((sum, w) => sum + w.answers, 0),
      6,
    );
    assert.equal(weeklyProgress([], now).length, 1, 'no answers: just this week');
  });

  test('the hardest cards: most lapses, then most wrong answers, then the shortest memory; never a card always answered right', () => {
    const { store } = CardStore.open(file);
    let now = at(1, 5);
    // "lapsed": learnt, then forgotten twice (wrong answers in the Review state are lapses).
    store.answer(question('lapsed', 'Simple Storage Service (S3)', 'S3 <b>question</b>'), true, 10, now);
    for (const correct of [true, true, false, true, false]) {
      now = new Date(store.get('lapsed')!.card.due);
      store.answer(question('lapsed', 'Simple Storage Service (S3)', 'S3 <b>question</b>'), correct, 10, now);
    }
    store.answer(question('wrong-twice'), false, 10, at(2, 1));
    store.answer(question('wrong-twice'), false, 10, at(2, 2));
    store.answer(question('wrong-once'), false, 10, at(2, 1));
    store.answer(question('always-right'), true, 10, at(2, 1));
    const hardest = hardestCards(store.all(), (t) => (t.includes('S3') ? 'Amazon S3' : t));
    assert.deepEqual(
      hardest.map((c) => c.id),
      ['lapsed', 'wrong-twice', 'wrong-once'],
    );
    const first = hardest[0]!;
    assert.ok(first.lapses >= 1, `lapses ${first.lapses}`);
    assert.equal(first.wrong, 2);
    assert.equal(first.answers, 6);
    assert.equal(first.topic, 'Amazon S3', 'the topic counted per service');
    assert.deepEqual(first.source, { file: '/notes/sqs.md', line: 7 });
    assert.equal(hardestCards(store.all(), (t) => t, 1).length, 1, 'limited');
  });

  test('topics are counted per service through the normaliser', () => {
    const { store } = CardStore.open(file);
    store.answer(question('a', 'Simple Storage Service (S3)'), true, 10, at(3, 1));
    store.answer(question('b', 'Amazon S3'), false, 10, at(3, 1));
    store.answer(question('c', 'SQS'), true, 10, at(3, 1));
    const topicOf = (t: string) => (/s3/i.test(t) ? 'Amazon S3' : t);
    const progress = studyProgress(store.all(), at(3, 2), 28, topicOf);
    assert.deepEqual(
      progress.topics.map((t) => [t.topic, t.cards, t.answers, t.correct]),
      [
        ['Amazon S3', 2, 2, 1],
        ['SQS', 1, 1, 1],
      ],
    );
  });

  test('the overview: due now, due by the end of today, new today against the daily limit, and when the next card falls due', () => {
    const { store } = CardStore.open(file);
    const now = at(3, 10, 12);
    store.answer(question('old'), false, 10, at(3, 9, 10)); // yesterday: due now
    store.answer(question('soon'), false, 10, new Date(now.getTime() - 30_000)); // Again: due a minute later, later today
    store.answer(question('later'), true, 3, at(3, 10, 9)); // quick and right today (Easy): due on a later day
    const overview = studyOverview(store.all(), 20, now, (t) => t);
    assert.equal(overview.cards, 3);
    assert.equal(overview.dueNow, 1);
    assert.equal(overview.dueToday, 2);
    assert.equal(overview.newToday, 2, '"soon" and "later" were started today');
    assert.equal(overview.newCardsPerDay, 20);
    assert.equal(overview.nextDue, new Date(store.get('soon')!.card.due).toISOString());
    assert.deepEqual(overview.topics, [{ topic: 'Amazon SQS', cards: 3, answers: 3, correct: 1 }]);
  });

  test('a progress file written before answer logs and FSRS learning steps still loads, and its data shows', () => {
    // What an early version saved: ts-fsrs 4 cards (no learning_steps), one record without a history.
    const old = {
      format: 1,
      cards: {
        a: {
          card: {
            due: '2026-03-09T10:00:00.000Z',
            stability: 2.3,
            difficulty: 5.1,
            elapsed_days: 1,
            scheduled_days: 2,
            reps: 3,
            lapses: 1,
            state: 2,
            last_review: '2026-03-07T10:00:00.000Z',
          },
          question: question('a', 'Simple Storage Service (S3)'),
          created: '2026-03-01T10:00:00.000Z',
          history: [
            { at: '2026-03-01T10:00:00.000Z', rating: 3, correct: true },
            { at: '2026-03-07T10:00:00.000Z', rating: 1, correct: false },
          ],
        },
        b: {
          card: { due: 'not a date', stability: null, difficulty: 5, elapsed_days: 0, scheduled_days: 0, reps: 1, lapses: 0, state: 1 },
          question: question('b'),
          created: '2026-03-01T10:00:00.000Z',
        },
      },
    };
    fs.writeFileSync(file, JSON.stringify(old));
    const { store, report } = CardStore.open(file);
    assert.equal(report.problem, undefined);
    assert.equal(store.size, 2);
    const now = at(3, 10);
    const progress = studyProgress(store.all(), now);
    assert.equal(progress.cards, 2);
    assert.equal(progress.dueNow, 2, 'an unreadable due date is due rather than lost');
    assert.equal(progress.duePerDay[0], 2);
    assert.deepEqual(
      progress.weeks.map((w) => [w.start, w.answers, w.correct]),
      [
        ['2026-02-23', 1, 1],
        ['2026-03-02', 1, 0],
        ['2026-03-09', 0, 0],
      ],
    );
    assert.deepEqual(
      progress.hardest.map((c) => [c.id, c.lapses, c.wrong, c.stability]),
      [['a', 1, 1, 2.3]],
    );
    // And answering goes on from the old card, saved in the same format.
    store.answer(question('a', 'Simple Storage Service (S3)'), true, 10, now);
    store.save();
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.format, 1);
    assert.equal(saved.cards.a.history.length, 3);
    assert.equal(CardStore.open(file).store.size, 2);
  });

  test('the page: dated axes, right answers per week, the hardest cards, everything escaped, still no script', () => {
    const { store } = CardStore.open(file);
    const now = at(3, 10, 12);
    store.answer(question('x', '<img src=x onerror=alert(1)>', 'Is <script>alert(1)</script> due?'), false, 10, at(3, 3));
    store.answer(question('y'), true, 3, at(3, 9));
    const html = progressHtml(studyProgress(store.all(), now), 'n0nce', 'vscode-resource:');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; img-src vscode-resource: data:; style-src 'nonce-n0nce';"/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /style="/);
    assert.doesNotMatch(html, /<img/);
    // Day labels under the due bars, every seventh day, and dated tooltips.
    assert.match(html, />Today</);
    assert.match(html, />Tue 17 Mar</);
    assert.match(html, />Tue 24 Mar</);
    assert.match(html, /<title>today, Tue 10 Mar \(overdue included\): 1 card<\/title>/);
    // The weeks chart, labelled by each week's Monday.
    assert.match(html, /Right answers per week/);
    assert.match(html, /Week of Mon 2 Mar: 0 of 1 answer right \(0%\)/);
    assert.match(html, /Week of Mon 9 Mar: 1 of 1 answer right \(100%\)/);
    // The hardest cards, escaped, with their source.
    assert.match(html, /Hardest cards/);
    assert.match(html, /Is &lt;script&gt;alert\(1\)&lt;\/script&gt; due\?/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /sqs\.md:7/);
  });

  test('an empty store makes a page that says what to do', () => {
    const html = progressHtml(studyProgress([], at(3, 10)), 'n', 'c');
    assert.match(html, /No answers yet: run <b>AWS Study: Start Quiz<\/b>/);
    assert.match(html, /No card has been missed yet/);
  });
});
