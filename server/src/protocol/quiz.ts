/** A generated question, as the service hands it to the client and the CLI prints it. */
export type QuestionType = 'term-definition' | 'definition-term' | 'cloze' | 'numeric' | 'true-false' | 'ordering' | 'multi-select' | 'table-cell' | 'scenario';

export interface QuestionSource {
  /** Absolute path of the note (the bundled knowledge's Markdown files ship with the extension). */
  readonly file: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** user: the learner's notes; bundled: the curated knowledge; file: the policy, buildspec or AppSpec being studied. */
  readonly kind: 'user' | 'bundled' | 'file';
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

/** Cards, answers and right answers of one topic: the service it is about ("Amazon S3"), or the chapter title when it names none or several. */
export interface TopicProgress {
  readonly topic: string;
  readonly answers: number;
  readonly correct: number;
  readonly cards: number;
}

/** Answers of one calendar week (starting on Monday, local date YYYY-MM-DD). */
export interface WeekProgress {
  readonly start: string;
  readonly answers: number;
  readonly correct: number;
}

/** A card the learner keeps missing. */
export interface HardCard {
  readonly id: string;
  readonly prompt: string;
  readonly topic: string;
  /** Times it was forgotten after being learnt (FSRS lapses). */
  readonly lapses: number;
  readonly wrong: number;
  readonly answers: number;
  /** FSRS stability in days: how long the memory is expected to hold. */
  readonly stability: number;
  /** When it is due next (ISO time). */
  readonly due: string;
  /** Where the question comes from: the note's path and 1-based line. */
  readonly source: { readonly file: string; readonly line: number };
}

/** Study statistics for the progress view: cards due per day ahead, retention per topic and per week, the hardest cards, the streak. */
export interface StudyProgress {
  readonly cards: number;
  readonly dueNow: number;
  /** Cards due on each of the next days (index 0 = today, overdue cards included). */
  readonly duePerDay: readonly number[];
  /** The local date (YYYY-MM-DD) of each entry of duePerDay, for the axis. */
  readonly dueDates: readonly string[];
  /** Per service, most answered first. */
  readonly topics: readonly TopicProgress[];
  /** Right answers per week, oldest first, from the first week with answers (at most twelve weeks). */
  readonly weeks: readonly WeekProgress[];
  /** The cards missed most (at most ten), hardest first. */
  readonly hardest: readonly HardCard[];
  /** Days in a row, up to today, with at least one answer. */
  readonly streak: number;
  readonly answersToday: number;
}

/** What the AWS Study view and the status item show. */
export interface StudyOverview {
  readonly cards: number;
  /** Due now: what Review Due Cards asks. */
  readonly dueNow: number;
  /** Due before the end of today, overdue cards included. */
  readonly dueToday: number;
  /** New cards started today, and the daily limit (awsStudyHints.quiz.newCardsPerDay). */
  readonly newToday: number;
  readonly newCardsPerDay: number;
  /** When the next card that is not due yet becomes due (ISO time), so the counts can be refreshed then. */
  readonly nextDue?: string;
  readonly topics: readonly TopicProgress[];
  /** Only when asked for: listing and linting every note costs more than the counts. */
  readonly notesFolders?: readonly NotesFolderSummary[];
}

/** One entry of awsStudyHints.notes.paths, resolved in one workspace folder. */
export interface NotesFolderSummary {
  /** The entry as written in the setting. */
  readonly entry: string;
  /** The folder on disk (for a glob, the folder it starts from). */
  readonly folder: string;
  readonly exists: boolean;
  readonly files: number;
  /** Notes lint findings in the folder's files, as the Problems panel would count them (rules set to "off" excluded). */
  readonly findings: number;
  /** The files with findings, most first (at most 50), each with its first finding. */
  readonly filesWithFindings: readonly NoteFileFindings[];
}

export interface NoteFileFindings {
  /** file: URI. */
  readonly uri: string;
  readonly findings: number;
  /** The first finding: 0-based position and its message. */
  readonly first: { readonly line: number; readonly character: number; readonly message: string };
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
