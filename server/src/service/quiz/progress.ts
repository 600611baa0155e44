import type { HardCard, StudyOverview, StudyProgress, TopicProgress, WeekProgress } from '../../protocol/quiz';
import type { CardRecord } from './store';

/**
 * What the progress page and the AWS Study view show, computed from the card store: cards due
 * per calendar day (with the dates, for the axis), retention per topic (topics counted per
 * service, see topics.ts), right answers per week from each card's answer log, and the cards
 * missed most. Pure functions of the records and the time, so tests pass both.
 */

const DAY = 86_400_000;
const WEEKS = 12;
const HARDEST = 10;

/** How a question's topic is counted (by default as it is). */
export type TopicOf = (topic: string) => string;

export function studyProgress(records: readonly CardRecord[], now = new Date(), days = 28, topicOf: TopicOf = (t) => t): StudyProgress {
  const startOfToday = startOfDay(now).getTime();
  const duePerDay = new Array<number>(days).fill(0);
  const dueDates = duePerDay.map((_, day) => localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() + day)));
  let dueNow = 0;
  const answerDays = new Set<number>();
  let answersToday = 0;
  for (const record of records) {
    const due = dueTime(record);
    if (due <= now.getTime()) dueNow++;
    // Overdue cards are today's work: they count in today's bar.
    const day = Math.max(0, dayIndex(startOfToday, due));
    if (day < days) duePerDay[day]!++;
    for (const answer of historyOf(record)) {
      const dayStart = startOfDay(new Date(answer.at)).getTime();
      answerDays.add(dayStart);
      if (dayStart === startOfToday) answersToday++;
    }
  }
  let streak = 0;
  // Calendar days, not 24-hour steps, so a daylight-saving change does not break the streak.
  while (answerDays.has(new Date(now.getFullYear(), now.getMonth(), now.getDate() - streak).getTime())) streak++;
  return {
    cards: records.length,
    dueNow,
    duePerDay,
    dueDates,
    topics: topicProgress(records, topicOf),
    weeks: weeklyProgress(records, now),
    hardest: hardestCards(records, topicOf),
    streak,
    answersToday,
  };
}

/** The counts the AWS Study view and the status item show; cheap enough to ask after every answer. */
export function studyOverview(records: readonly CardRecord[], newCardsPerDay: number, now = new Date(), topicOf: TopicOf = (t) => t): StudyOverview {
  const endOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  let dueNow = 0;
  let dueToday = 0;
  let newToday = 0;
  let nextDue = Number.POSITIVE_INFINITY;
  const today = localDate(now);
  for (const record of records) {
    const due = dueTime(record);
    if (due <= now.getTime()) dueNow++;
    else nextDue = Math.min(nextDue, due);
    if (due < endOfToday) dueToday++;
    if (localDate(new Date(record.created)) === today) newToday++;
  }
  return {
    cards: records.length,
    dueNow,
    dueToday,
    newToday,
    newCardsPerDay,
    nextDue: Number.isFinite(nextDue) ? new Date(nextDue).toISOString() : undefined,
    topics: topicProgress(records, topicOf),
  };
}

/** Cards, answers and right answers per topic, most answered first. */
export function topicProgress(records: readonly CardRecord[], topicOf: TopicOf): TopicProgress[] {
  const topics = new Map<string, { answers: number; correct: number; cards: number }>();
  for (const record of records) {
    const name = topicOf(record.question.topic);
    const topic = topics.get(name) ?? { answers: 0, correct: 0, cards: 0 };
    topic.cards++;
    for (const answer of historyOf(record)) {
      topic.answers++;
      if (answer.correct) topic.correct++;
    }
    topics.set(name, topic);
  }
  return [...topics].map(([topic, t]) => ({ topic, ...t })).sort((a, b) => b.answers - a.answers || a.topic.localeCompare(b.topic));
}

/**
 * Answers and right answers per calendar week (Monday first), from the week of the first answer
 * up to this one, at most the last twelve. Each card keeps its last 50 answers, which for the
 * weeks shown is all of them but for a card answered more than 50 times.
 */
export function weeklyProgress(records: readonly CardRecord[], now = new Date()): WeekProgress[] {
  const thisWeek = startOfWeek(now);
  const weeks = new Array(WEEKS).fill(0).map((_, i) => {
    const start = new Date(thisWeek.getFullYear(), thisWeek.getMonth(), thisWeek.getDate() - 7 * (WEEKS - 1 - i));
    return { start: localDate(start), time: start.getTime(), answers: 0, correct: 0 };
  });
  for (const record of records) {
    for (const answer of historyOf(record)) {
      const at = new Date(answer.at).getTime();
      if (Number.isNaN(at) || at > now.getTime()) continue;
      let index = weeks.length - 1;
      while (index >= 0 && weeks[index]!.time > at) index--;
      const week = weeks[index];
      if (!week) continue; // older than the weeks shown
      week.answers++;
      if (answer.correct) week.correct++;
    }
  }
  const first = weeks.findIndex((w) => w.answers > 0);
  return weeks.slice(first < 0 ? WEEKS - 1 : first).map(({ start, answers, correct }) => ({ start, answers, correct }));
}

/** The cards missed most: lapses (forgotten after being learnt), then wrong answers, then the shortest memory (FSRS stability). */
export function hardestCards(records: readonly CardRecord[], topicOf: TopicOf, limit = HARDEST): HardCard[] {
  return records
    .map((record) => {
      const history = historyOf(record);
      const wrong = history.filter((a) => !a.correct).length;
      return { record, wrong, answers: history.length, lapses: numberOr(record.card.lapses, 0), stability: numberOr(record.card.stability, 0) };
    })
    .filter((c) => c.lapses > 0 || c.wrong > 0)
    .sort((a, b) => b.lapses - a.lapses || b.wrong - a.wrong || a.stability - b.stability || a.record.question.prompt.localeCompare(b.record.question.prompt))
    .slice(0, limit)
    .map(({ record, wrong, answers, lapses, stability }) => ({
      id: record.question.id,
      prompt: record.question.prompt,
      topic: topicOf(record.question.topic),
      lapses,
      wrong,
      answers,
      stability: Math.round(stability * 10) / 10,
      due: new Date(dueTime(record)).toISOString(),
      source: { file: record.question.source.file, line: record.question.source.startLine },
    }));
}

/** A card's answers; a record written before answers were logged has none. */
function historyOf(record: CardRecord): CardRecord['history'] {
  return Array.isArray(record.history) ? record.history : [];
}

function dueTime(record: CardRecord): number {
  const due = new Date(record.card.due).getTime();
  return Number.isNaN(due) ? 0 : due; // an unreadable date is due now rather than never
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Monday of the date's week, local time. */
function startOfWeek(date: Date): Date {
  const sinceMonday = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - sinceMonday);
}

/** Calendar days from the start of today to a time (negative when before today). */
function dayIndex(startOfToday: number, time: number): number {
  // Rounded, not floored, across midnights: a day with a daylight-saving change is 23 or 25 hours.
  const day = startOfDay(new Date(time)).getTime();
  return Math.round((day - startOfToday) / DAY);
}

/** YYYY-MM-DD in local time: the day the learner sees on the calendar. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
