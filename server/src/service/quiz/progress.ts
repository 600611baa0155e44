import type { StudyProgress } from '../../protocol/quiz';
import type { CardRecord } from './store';

const DAY = 86_400_000;

export function studyProgress(records: readonly CardRecord[], now = new Date(), days = 28): StudyProgress {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const duePerDay = new Array<number>(days).fill(0);
  let dueNow = 0;
  const topics = new Map<string, { answers: number; correct: number; cards: number }>();
  const answerDays = new Set<number>();
  let answersToday = 0;
  for (const record of records) {
    const due = new Date(record.card.due).getTime();
    if (due <= now.getTime()) dueNow++;
    const day = Math.max(0, Math.floor((due - startOfToday) / DAY));
    if (day < days) duePerDay[day]!++;
    const topic = topics.get(record.question.topic) ?? { answers: 0, correct: 0, cards: 0 };
    topic.cards++;
    for (const answer of record.history) {
      topic.answers++;
      if (answer.correct) topic.correct++;
      const at = new Date(answer.at);
      const dayStart = new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime();
      answerDays.add(dayStart);
      if (dayStart === startOfToday) answersToday++;
    }
    topics.set(record.question.topic, topic);
  }
  let streak = 0;
  // Calendar days, not 24-hour steps, so a daylight-saving change does not break the streak.
  while (answerDays.has(new Date(now.getFullYear(), now.getMonth(), now.getDate() - streak).getTime())) streak++;
  return {
    cards: records.length,
    dueNow,
    duePerDay,
    topics: [...topics].map(([topic, t]) => ({ topic, ...t })).sort((a, b) => b.answers - a.answers),
    streak,
    answersToday,
  };
}
