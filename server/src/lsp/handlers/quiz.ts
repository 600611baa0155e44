import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { QuizAnswerRequest, QuizProgressRequest, QuizQuestionsRequest, QuizReviseRequest, QuizSessionRequest, type Question } from '../../protocol';
import { fsPathOf } from '../../service/common/documentPaths';
import type { LanguageService } from '../../service/languageService';
import type { NotesService } from '../../service/notes/service';
import { quizFromNotes } from '../../service/quiz/generate';
import type { QuizSessions } from '../../service/quiz/sessions';
import type { Guarded, WorkspaceState } from '../workspace';
import type { StudyHandlers } from './study';

/**
 * Quizzes over the protocol. Questions are generated, planned, graded and scheduled here; the
 * client only shows them and sends answers back.
 */
export function registerQuizHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: WorkspaceState,
  notes: NotesService,
  service: () => LanguageService,
  sessions: { get(): QuizSessions },
  guarded: Guarded,
  study: StudyHandlers,
): void {
  const clampCount = (count: number | undefined, fallback: number) => Math.min(Math.max(count ?? fallback, 1), 200);

  connection.onRequest(QuizQuestionsRequest, (params) =>
    guarded('quiz', [], () => {
      const file = params.uri ? fsPathOf(params.uri) : undefined;
      return quizFromNotes(notes, { topic: params.topic, count: clampCount(params.count, 10), seed: params.seed, files: file ? [file] : undefined });
    }),
  );

  connection.onRequest(QuizSessionRequest, (params) =>
    guarded('quiz session', { questions: [], message: 'The quiz could not be prepared; see the output channel.' }, async () => {
      const settings = await workspace.settings();
      const count = clampCount(params.count, 10);
      const seed = params.seed ?? Math.floor(Math.random() * 2_147_483_647);
      const newCardsPerDay = settings.quiz.newCardsPerDay;
      if (params.mode === 'due') return sessions.get().plan({ fresh: [], count: 200, topics: [], newCardsPerDay, dueOnly: true });
      if (params.mode === 'topic') {
        // Three times the questions needed, so that cards already learnt can be skipped.
        const fresh = quizFromNotes(notes, { topic: params.topic || undefined, count: count * 3, seed });
        return sessions.get().plan({ fresh, count, topics: params.topic ? [params.topic] : [], newCardsPerDay });
      }
      const document = params.uri ? documents.get(params.uri) : undefined;
      const topics = document ? service().quizTopics(document, await workspace.contextFor(document.uri)) : [];
      let fresh: Question[];
      if (topics.length > 0) {
        // A policy, buildspec or AppSpec: first what the file itself uses, then the services it uses.
        const own = document ? service().fileQuestions(document, fsPathOf(document.uri) ?? document.uri, await workspace.contextFor(document.uri)) : [];
        fresh = [...own, ...topics.slice(0, 4).flatMap((topic) => quizFromNotes(notes, { topic, count: 6, seed }))];
      } else {
        const file = params.uri ? fsPathOf(params.uri) : undefined;
        fresh = file ? quizFromNotes(notes, { files: [file], count: 15, seed }) : [];
      }
      if (fresh.length === 0) return { questions: [], message: 'No questions could be made from this file.' };
      // Due cards only about this file's services: a quiz on an S3 policy asks no EBS card.
      return sessions.get().plan({ fresh, count, topics: topics.slice(0, 4), newCardsPerDay });
    }),
  );

  connection.onRequest(QuizAnswerRequest, (params) =>
    guarded(
      'quiz answer',
      { correct: false, expected: '', due: new Date().toISOString(), rating: 1, saveError: 'The answer could not be recorded; see the output channel.' },
      () => {
        const result = sessions.get().answer(params.question, params.answer, params.seconds);
        study.changed('cards'); // the AWS Study view and the status item count again
        return result;
      },
    ),
  );

  connection.onRequest(QuizReviseRequest, (params) => {
    const unchanged = (saveError: string) => ({ correct: params.correct, expected: '', due: new Date().toISOString(), rating: params.rating ?? 1, saveError });
    return guarded(
      'quiz revise',
      unchanged('The answer could not be changed; see the output channel.'),
      () =>
        sessions.get().revise(params.questionId, params.correct, params.rating) ??
        // The server keeps what a revision needs in memory only: after a restart the first grading stands.
        unchanged('This answer can no longer be changed: it was given before the language server restarted.'),
    );
  });

  connection.onRequest(QuizProgressRequest, () =>
    guarded('quiz progress', { cards: 0, dueNow: 0, duePerDay: [], dueDates: [], topics: [], weeks: [], hardest: [], streak: 0, answersToday: 0 }, () =>
      sessions.get().progress(new Date(), study.topicOf),
    ),
  );
}
