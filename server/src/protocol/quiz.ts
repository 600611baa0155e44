/** A generated question, as the service hands it to the client and the CLI prints it. */
export type QuestionType = 'term-definition' | 'definition-term' | 'cloze' | 'numeric' | 'true-false' | 'ordering' | 'multi-select' | 'table-cell' | 'scenario';

export interface QuestionSource {
  /** Absolute path of the note (the bundled knowledge's Markdown files ship with the extension). */
  readonly file: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'user' | 'bundled';
}

export interface Question {
  /** Stable while the source statement exists: cards keep their schedule across edits elsewhere. */
  readonly id: string;
  readonly type: QuestionType;
  readonly topic: string;
  readonly prompt: string;
  /** For choice questions (single, multi-select, ordering); absent for typed answers. */
  readonly options?: readonly string[];
  /** The option text, a list for multi-select, the items in order for ordering, the text for typed answers. */
  readonly answer: string | readonly string[];
  readonly explanation: string;
  readonly source: QuestionSource;
}

/** Study statistics for the progress view: cards due per day ahead, retention per topic, the streak. */
export interface StudyProgress {
  readonly cards: number;
  readonly dueNow: number;
  /** Cards due on each of the next days (index 0 = today). */
  readonly duePerDay: readonly number[];
  readonly topics: readonly { readonly topic: string; readonly answers: number; readonly correct: number; readonly cards: number }[];
  /** Days in a row, up to today, with at least one answer. */
  readonly streak: number;
  readonly answersToday: number;
}

/** The questions of one quiz session, and a sentence for the learner when there are none. */
export interface QuizSession {
  readonly questions: readonly Question[];
  /** Why the session is empty or short (nothing due, the daily limit of new cards reached…). */
  readonly message?: string;
}

/** FSRS's grades: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type QuizRating = 1 | 2 | 3 | 4;

export interface QuizAnswerResult {
  readonly correct: boolean;
  /** The expected answer as text (items joined for ordering and multi-select questions). */
  readonly expected: string;
  /** When the card is due again (ISO time). */
  readonly due: string;
  /**
   * The grade the card was scheduled with: Again when wrong; Easy, Good or Hard by the time a
   * right answer took — unless the learner chose another (QuizReviseRequest).
   */
  readonly rating: QuizRating;
  /** Why a typed answer that is not the key word for word was counted right. */
  readonly note?: string;
  /** The first lines of the source the question was made from, as written there. */
  readonly excerpt?: string;
  /** Set when the progress could not be saved (or, for a revision, when the answer could not be changed). */
  readonly saveError?: string;
}
