import type { Question, QuestionSource, QuizAnswerResult, QuizRating } from '../../server/src/protocol/quiz';

/**
 * The quiz panel's flow as plain data, without the editor: which screen shows, what a key does
 * on it, and what must be asked of the server. The panel (quizPanel.ts) renders the state and
 * runs the effects; the server grades, schedules and saves before it answers, so the state only
 * mirrors what the server recorded.
 *
 * Keys: on a choice question a number answers at once (one key); ↑/↓ then Enter does the same.
 * Multi-select: numbers or Space toggle, Enter submits. Ordering: ↑/↓ pick an item,
 * Alt+↑/Alt+↓ move it, Enter submits. Typed: Enter submits the field. After the answer:
 * 1–4 grade (Again/Hard/Good/Easy), R/W "I was right"/"I was wrong" for a typed answer, O opens
 * the source, Enter or N goes on. Escape stops: what was answered is saved, nothing else is.
 */

export interface KeyPress {
  readonly key: string;
  readonly alt?: boolean;
  /** The text field's content, sent with Enter on a typed question. */
  readonly value?: string;
}

export interface Answered {
  readonly question: Question;
  readonly given: string | readonly string[];
  /** The server's latest word on it (after any revision). */
  readonly result: QuizAnswerResult;
  /** Whether the learner chose the grade or the verdict (else both are the server's). */
  readonly revised: boolean;
}

export type Screen =
  | {
      readonly kind: 'question';
      /** The highlighted row; -1 until the learner moves, so a stray Enter answers nothing. */
      readonly cursor: number;
      /** Multi-select: the indexes ticked. */
      readonly picked: readonly number[];
      /** Ordering: the items as currently arranged. */
      readonly order: readonly string[];
      /** Typed: the text sent, kept on screen while the server grades it (and if it could not). */
      readonly draft?: string;
      readonly hint?: string;
    }
  | { readonly kind: 'feedback' }
  | { readonly kind: 'end'; readonly cancelled: boolean };

export interface QuizState {
  readonly title: string;
  readonly questions: readonly Question[];
  readonly index: number;
  readonly screen: Screen;
  readonly answers: readonly Answered[];
  /** A request is on its way: keys wait for the server, so nothing is answered twice. */
  readonly busy: boolean;
  readonly error?: string;
}

export type Effect =
  | { readonly kind: 'answer'; readonly question: Question; readonly answer: string | readonly string[] }
  | { readonly kind: 'revise'; readonly question: Question; readonly correct: boolean; readonly rating?: QuizRating }
  | { readonly kind: 'open'; readonly source: QuestionSource }
  | { readonly kind: 'close' };

export interface Step {
  readonly state: QuizState;
  readonly effect?: Effect;
}

export type QuestionShape = 'choice' | 'multi' | 'ordering' | 'typed';

export const RATINGS: readonly { readonly rating: QuizRating; readonly label: string }[] = [
  { rating: 1, label: 'Again' },
  { rating: 2, label: 'Hard' },
  { rating: 3, label: 'Good' },
  { rating: 4, label: 'Easy' },
];

export function shapeOf(question: Question): QuestionShape {
  if (!question.options) return 'typed';
  if (question.type === 'multi-select') return 'multi';
  if (question.type === 'ordering') return 'ordering';
  return 'choice';
}

export function startQuiz(title: string, questions: readonly Question[]): QuizState {
  const base = { title, questions, index: 0, answers: [], busy: false };
  return questions.length === 0 ? { ...base, screen: { kind: 'end', cancelled: false } } : { ...base, screen: questionScreen(questions[0]!) };
}

function questionScreen(question: Question): Screen {
  return { kind: 'question', cursor: -1, picked: [], order: shapeOf(question) === 'ordering' ? [...question.options!] : [] };
}

export function currentQuestion(state: QuizState): Question | undefined {
  return state.questions[state.index];
}

/** What a key does on the current screen. */
export function press(state: QuizState, key: KeyPress): Step {
  if (state.busy) return { state };
  const screen = state.screen;
  if (screen.kind === 'end') return ['Enter', 'Escape', 'n', 'N'].includes(key.key) ? { state, effect: { kind: 'close' } } : { state };
  if (key.key === 'Escape') return { state: { ...state, screen: { kind: 'end', cancelled: screen.kind === 'question' }, error: undefined } };
  if (screen.kind === 'feedback') return onFeedback(state, key);
  return onQuestion(state, screen, key);
}

function onQuestion(state: QuizState, screen: Extract<Screen, { kind: 'question' }>, key: KeyPress): Step {
  const question = currentQuestion(state)!;
  const options = question.options ?? [];
  const submit = (answer: string | readonly string[]): Step => ({
    state: { ...state, busy: true, error: undefined },
    effect: { kind: 'answer', question, answer },
  });
  const update = (changes: Partial<Extract<Screen, { kind: 'question' }>>): Step => ({
    state: { ...state, screen: { ...screen, hint: undefined, ...changes } },
  });
  const digit = /^[1-9]$/.test(key.key) && !key.alt ? Number(key.key) - 1 : -1;
  const rows = shapeOf(question) === 'ordering' ? screen.order.length : options.length;
  const down = key.key === 'ArrowDown';
  const up = key.key === 'ArrowUp';
  const moved = (screen.cursor < 0 ? (down ? 0 : rows - 1) : screen.cursor + (down ? 1 : -1) + rows) % rows;

  switch (shapeOf(question)) {
    case 'typed': {
      if (key.key !== 'Enter') return { state };
      const value = (key.value ?? '').trim();
      // An empty Enter is a slip more often than an answer: "?" says "I don't know" on purpose.
      if (!value) return update({ hint: 'Type your answer and press Enter (type ? if you do not know it).' });
      return { ...submit(value), state: { ...state, busy: true, error: undefined, screen: { ...screen, hint: undefined, draft: value } } };
    }
    case 'choice': {
      if (digit >= 0 && digit < options.length) return submit(options[digit]!);
      if (question.type === 'true-false' && /^[tf]$/i.test(key.key)) return submit(key.key.toLowerCase() === 't' ? 'True' : 'False');
      if (up || down) return update({ cursor: moved });
      if (key.key === 'Enter') {
        return screen.cursor >= 0 ? submit(options[screen.cursor]!) : update({ hint: `Press 1–${options.length} to answer.` });
      }
      return { state };
    }
    case 'multi': {
      const toggle = (i: number) =>
        update({ cursor: i, picked: screen.picked.includes(i) ? screen.picked.filter((p) => p !== i) : [...screen.picked, i].sort((a, b) => a - b) });
      if (digit >= 0 && digit < options.length) return toggle(digit);
      if (key.key === ' ' && screen.cursor >= 0) return toggle(screen.cursor);
      if (up || down) return update({ cursor: moved });
      if (key.key === 'Enter') {
        return screen.picked.length > 0
          ? submit(screen.picked.map((i) => options[i]!))
          : update({ hint: 'Tick the answers with their numbers, then press Enter.' });
      }
      return { state };
    }
    case 'ordering': {
      if (digit >= 0 && digit < rows) return update({ cursor: digit });
      if ((up || down) && key.alt) {
        const from = Math.max(screen.cursor, 0);
        const to = from + (down ? 1 : -1);
        if (to < 0 || to >= rows) return update({ cursor: from });
        const order = [...screen.order];
        [order[from], order[to]] = [order[to]!, order[from]!];
        return update({ cursor: to, order });
      }
      if (up || down) return update({ cursor: moved });
      if (key.key === 'Enter') return submit(screen.order);
      return { state };
    }
  }
}

function onFeedback(state: QuizState, key: KeyPress): Step {
  const last = state.answers.at(-1)!;
  const question = last.question;
  if (key.key === 'Enter' || key.key === 'n' || key.key === 'N') return { state: next(state) };
  if (key.key === 'o' || key.key === 'O') return { state, effect: { kind: 'open', source: question.source } };
  const revise = (correct: boolean, rating?: QuizRating): Step => ({
    state: { ...state, busy: true, error: undefined },
    effect: { kind: 'revise', question, correct, rating },
  });
  if (/^[1-4]$/.test(key.key) && !key.alt) {
    const rating = Number(key.key) as QuizRating;
    return rating === last.result.rating ? { state } : revise(last.result.correct, rating);
  }
  // "I was right" / "I was wrong" only where grading is a judgement: typed answers.
  if (shapeOf(question) === 'typed') {
    if ((key.key === 'r' || key.key === 'R') && !last.result.correct) return revise(true);
    if ((key.key === 'w' || key.key === 'W') && last.result.correct) return revise(false);
  }
  return { state };
}

function next(state: QuizState): QuizState {
  const index = state.index + 1;
  if (index >= state.questions.length) return { ...state, index, screen: { kind: 'end', cancelled: false }, error: undefined };
  return { ...state, index, screen: questionScreen(state.questions[index]!), error: undefined };
}

/** The server graded and saved the answer. */
export function answered(state: QuizState, given: string | readonly string[], result: QuizAnswerResult): QuizState {
  const question = currentQuestion(state)!;
  return {
    ...state,
    busy: false,
    screen: { kind: 'feedback' },
    answers: [...state.answers, { question, given, result, revised: false }],
    error: result.saveError,
  };
}

/** The server rescheduled the last answer with the learner's verdict or grade. */
export function revised(state: QuizState, result: QuizAnswerResult): QuizState {
  const last = state.answers.at(-1)!;
  // A revision the server could not make (it restarted since) comes back without the expected
  // answer: the first grading stands, and the error says why.
  if (!result.expected) return { ...state, busy: false, error: result.saveError };
  return { ...state, busy: false, answers: [...state.answers.slice(0, -1), { ...last, result, revised: true }], error: result.saveError };
}

/** A request failed (the server is not running…): nothing changed, the learner may try again. */
export function failed(state: QuizState, message: string): QuizState {
  return { ...state, busy: false, error: message };
}

export interface Summary {
  readonly right: number;
  readonly answered: number;
  /** Questions never answered: neither shown as wrong nor recorded. */
  readonly notAsked: number;
  /** The soonest next review among the cards answered (ISO time). */
  readonly nextDue?: string;
}

export function summarize(state: QuizState): Summary {
  const dues = state.answers.map((a) => a.result.due).sort();
  return {
    right: state.answers.filter((a) => a.result.correct).length,
    answered: state.answers.length,
    notAsked: state.questions.length - state.answers.length,
    nextDue: dues[0],
  };
}

/** The sentence both quiz interfaces end with; a cancelled quiz scores nothing it did not ask. */
export function summaryText(summary: Summary): string {
  if (summary.answered === 0) return 'Quiz cancelled: nothing was answered, nothing recorded.';
  const skipped = summary.notAsked > 0 ? ` (${summary.notAsked} not asked, not recorded)` : '';
  return `${summary.right} of ${summary.answered} right${skipped}. Due cards come back when FSRS says you are about to forget them.`;
}

/** "in 10 minutes", "tomorrow", "in 4 days": when a card comes back, as a learner reads it. */
export function whenDue(due: string, now = new Date()): string {
  const minutes = Math.round((new Date(due).getTime() - now.getTime()) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}
