// A child process for test/quiz/crash.test.ts: opens the card store, says what it loaded, then
// answers one new card and saves, forever, saying "saved N" after each complete save, until killed.
import { CardStore } from '../../../server/src/service/quiz/store';
import type { Question } from '../../../server/src/protocol/quiz';

const file = process.argv[2]!;
// A long explanation makes each save write hundreds of kilobytes, so that kills land mid-write.
const filler = 'x'.repeat(2_000);
const { store, report } = CardStore.open(file);
process.stdout.write(`loaded ${store.size} ${report.problem ? 'problem' : 'ok'}\n`);
for (let n = store.size; ; n++) {
  const question: Question = {
    id: `q${n}`,
    type: 'true-false',
    topic: 'Amazon SQS',
    prompt: `card ${n}`,
    options: ['True', 'False'],
    answer: 'True',
    explanation: filler,
    source: { file: '/k/sqs.md', startLine: 1, endLine: 1, kind: 'bundled' },
  };
  store.answer(question, true, 10);
  store.save();
  process.stdout.write(`saved ${store.size}\n`);
}
