import type { Question, QuizAnswerResult, QuizRating, QuizSession, StudyOverview, StudyProgress } from '../../protocol/quiz';
import { grade } from './answers';
import { sourceExcerpt } from './excerpt';
import { studyOverview, studyProgress, type TopicOf } from './progress';
import { CardStore, type CardRecord } from './store';

/**
 * The learner's quiz sessions, on the server side of the boundary: which questions a session
 * asks (due cards first, then new ones within the daily limit), grading, FSRS scheduling and
 * saving. The client only shows questions and sends answers. Cards live in a file the client
 * names (the extension's global storage), opened on first use and saved after every answer.
 */

export interface QuizSessionsOptions {
  /** Where the cards are kept; undefined keeps them in memory (an editor without storage). */
  readonly storeFile?: string;
  /** Told once when the progress file was damaged and set aside. */
  readonly warn: (message: string) => void;
}

export interface SessionRequest {
  /** Fresh questions to draw new cards from (already filtered to the topic or file). */
  readonly fresh: readonly Question[];
  readonly count: number;
  /** Only due cards whose topic or prompt mention one of these (all due cards when empty). */
  readonly topics: readonly string[];
  readonly newCardsPerDay: number;
  readonly dueOnly?: boolean;
  readonly now?: Date;
}

export class QuizSessions {
  private store: CardStore | undefined;

  constructor(private readonly options: QuizSessionsOptions) {}

  private cards(): CardStore {
    if (!this.store) {
      if (!this.options.storeFile) {
        this.store = CardStore.inMemory();
      } else {
        const opened = CardStore.open(this.options.storeFile);
        this.store = opened.store;
        if (opened.report.problem) this.options.warn(opened.report.problem);
      }
    }
    return this.store;
  }

  /** Plans a session: due cards first (of the topics), then unseen questions up to the daily limit of new cards. */
  plan(request: SessionRequest): QuizSession {
    const store = this.cards();
    const now = request.now ?? new Date();
    const wanted = request.topics.map((t) => t.toLowerCase());
    const matches = (q: Question) => wanted.length === 0 || wanted.some((t) => `${q.topic} ${q.prompt}`.toLowerCase().includes(t));
    const due = store
      .due(now)
      .map((r) => r.question)
      .filter(matches);
    if (request.dueOnly) {
      return due.length > 0 ? { questions: due.slice(0, request.count) } : { questions: [], message: 'No cards are due. Start a quiz to learn new ones.' };
    }
    const allowedNew = Math.max(0, request.newCardsPerDay - store.newToday(now));
    const unseen = request.fresh.filter((q) => !store.get(q.id)).slice(0, allowedNew);
    const questions = [...due, ...unseen].slice(0, request.count);
    if (questions.length > 0) return { questions };
    return {
      questions,
      message:
        allowedNew === 0
          ? `You have started ${request.newCardsPerDay} new cards today (awsStudyHints.quiz.newCardsPerDay) and nothing is due.`
          : 'No questions right now: nothing is due and no new questions matched.',
    };
  }

  /** Grades an answer, schedules the card and saves at once: a closed window never loses progress. */
  answer(question: Question, answer: string | readonly string[], seconds: number, now = new Date()): QuizAnswerResult {
    const { correct, note } = grade(question, answer);
    const record = this.cards().answer(question, correct, seconds, now);
    return { ...this.saved(record, correct), note, excerpt: sourceExcerpt(question.source) };
  }

  /**
   * The learner's verdict ("I was right") or FSRS grade for the last answer to a question,
   * scheduled instead of the first one and saved at once. Undefined when there is no such answer
   * (the server restarted since).
   */
  revise(questionId: string, correct: boolean, rating?: QuizRating): QuizAnswerResult | undefined {
    const record = this.cards().revise(questionId, correct, rating);
    if (!record) return undefined;
    return { ...this.saved(record, correct), excerpt: sourceExcerpt(record.question.source) };
  }

  private saved(record: CardRecord, correct: boolean): QuizAnswerResult {
    let saveError: string | undefined;
    try {
      this.cards().save();
    } catch (error) {
      saveError = `Your progress could not be saved: ${error instanceof Error ? error.message : String(error)}`;
    }
    const question = record.question;
    const expected = Array.isArray(question.answer) ? question.answer.join(question.type === 'ordering' ? ' → ' : ', ') : String(question.answer);
    const rating = record.history.at(-1)!.rating as QuizRating;
    return { correct, expected, due: new Date(record.card.due).toISOString(), rating, saveError };
  }

  progress(now = new Date(), topicOf?: TopicOf): StudyProgress {
    return studyProgress(this.cards().all(), now, 28, topicOf);
  }

  overview(newCardsPerDay: number, now = new Date(), topicOf?: TopicOf): StudyOverview {
    return studyOverview(this.cards().all(), newCardsPerDay, now, topicOf);
  }
}
