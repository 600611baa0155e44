/** A generated question, as the service hands it to the client and the CLI prints it. */
export type QuestionType = 'term-definition' | 'definition-term' | 'cloze' | 'numeric' | 'true-false' | 'ordering' | 'multi-select' | 'table-cell';

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
