import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEmptyCard, fsrs, generatorParameters, Rating, TypeConvert, type Card, type Grade } from 'ts-fsrs';
import type { Question } from '../../protocol/quiz';

/**
 * The learner's cards: FSRS scheduling state (ts-fsrs) for every question answered, kept as JSON
 * in the extension's global storage. Writes are atomic (a temporary file, flushed, then renamed)
 * and the previous file is kept as a backup; a file that cannot be read is moved aside and
 * reported, never silently replaced, so progress is never lost.
 */

export interface CardRecord {
  /** ts-fsrs card, with dates as ISO strings. */
  readonly card: Card;
  /** The question as it was asked, so a due card can be asked again even if the notes changed. */
  readonly question: Question;
  readonly created: string;
  /** One entry per answer: ISO time, rating 1–4, right or not. */
  readonly history: readonly { readonly at: string; readonly rating: number; readonly correct: boolean }[];
}

interface StoreFile {
  readonly format: 1;
  readonly cards: Record<string, CardRecord>;
}

export interface LoadReport {
  /** Set when the main file could not be read: where it was moved and what was used instead. */
  readonly problem?: string;
}

const scheduler = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false }));
const MAX_HISTORY = 50;
/** Answers that can still be revised: far more than a session asks. */
const MAX_REVISABLE = 500;

/** The grade of an answer the learner did not grade: Again when wrong, else by the time it took. */
export function autoRating(correct: boolean, secondsTaken: number): Grade {
  return !correct ? Rating.Again : secondsTaken < 6 ? Rating.Easy : secondsTaken > 30 ? Rating.Hard : Rating.Good;
}

export class CardStore {
  private cards: Record<string, CardRecord> = {};
  private readonly lastAnswers = new Map<string, { readonly previous?: CardRecord; readonly at: Date; readonly seconds: number }>();

  private constructor(readonly file: string) {}

  /** Opens the store at `file`, recovering from a damaged file through the backup. */
  static open(file: string, now = new Date()): { store: CardStore; report: LoadReport } {
    const store = new CardStore(file);
    removeStaleTemporaries(file);
    const main = readStore(file);
    if (main.ok) {
      store.cards = main.data.cards;
      return { store, report: {} };
    }
    if (main.missing) {
      // No main file: a crash between backup and rename leaves only the backup.
      const backup = readStore(`${file}.bak`);
      if (backup.ok) store.cards = backup.data.cards;
      return { store, report: {} };
    }
    const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      // Could not move it: leave it where it is; it will not be overwritten before a save.
    }
    const backup = readStore(`${file}.bak`);
    if (backup.ok) store.cards = backup.data.cards;
    const problem = `Your study progress file could not be read (${main.error}). It was moved to ${path.basename(aside)}; ${backup.ok ? 'the last backup was restored' : 'no backup could be read, so progress starts afresh — the damaged file is kept'}.`;
    return { store, report: { problem } };
  }

  get size(): number {
    return Object.keys(this.cards).length;
  }

  get(id: string): CardRecord | undefined {
    return this.cards[id];
  }

  all(): CardRecord[] {
    return Object.values(this.cards);
  }

  /** Cards due at `now`, most overdue first. */
  due(now = new Date()): CardRecord[] {
    return this.all()
      .filter((r) => new Date(r.card.due).getTime() <= now.getTime())
      .sort((a, b) => new Date(a.card.due).getTime() - new Date(b.card.due).getTime());
  }

  /** How many new cards were started on the day of `now` (local day). */
  newToday(now = new Date()): number {
    return this.all().filter((r) => sameDay(new Date(r.created), now)).length;
  }

  /**
   * Records an answer with the learner's grade, or by default: wrong → Again; right → Easy when
   * quick, Hard when slow, Good otherwise, so that FSRS's four grades keep their meaning.
   * Returns the updated record.
   */
  answer(question: Question, correct: boolean, secondsTaken: number, now = new Date(), rating?: Grade): CardRecord {
    const previous = this.cards[question.id];
    // Kept so that the learner can revise this answer ("I was right", another grade) while the server runs.
    this.lastAnswers.delete(question.id);
    this.lastAnswers.set(question.id, { previous, at: now, seconds: secondsTaken });
    if (this.lastAnswers.size > MAX_REVISABLE) this.lastAnswers.delete(this.lastAnswers.keys().next().value!);
    return this.schedule(question, previous, correct, rating ?? autoRating(correct, secondsTaken), now);
  }

  /**
   * Replaces the last answer to a card with the learner's verdict or grade: the card is scheduled
   * again from its state before that answer, at the time of that answer, so a revision counts once.
   * Undefined when the card was not answered since the store was opened.
   */
  revise(id: string, correct: boolean, rating?: Grade): CardRecord | undefined {
    const last = this.lastAnswers.get(id);
    const current = this.cards[id];
    if (!last || !current) return undefined;
    return this.schedule(current.question, last.previous, correct, rating ?? autoRating(correct, last.seconds), last.at);
  }

  private schedule(question: Question, previous: CardRecord | undefined, correct: boolean, rating: Grade, now: Date): CardRecord {
    const card = previous ? TypeConvert.card(previous.card) : createEmptyCard(now);
    const next = scheduler.next(card, now, rating).card;
    const record: CardRecord = {
      card: next,
      question,
      created: previous?.created ?? now.toISOString(),
      history: [...(previous?.history ?? []), { at: now.toISOString(), rating, correct }].slice(-MAX_HISTORY),
    };
    this.cards[question.id] = record;
    return record;
  }

  /** A store that lives in memory only (an editor that gave the server no storage folder). */
  static inMemory(): CardStore {
    return new CardStore('');
  }

  /** Atomic save: temporary file, flushed to disk, previous file kept as .bak, then a rename. */
  save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const data: StoreFile = { format: 1, cards: this.cards };
    const temporary = `${this.file}.tmp-${process.pid}`;
    const descriptor = fs.openSync(temporary, 'w');
    try {
      fs.writeSync(descriptor, JSON.stringify(data));
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    if (fs.existsSync(this.file)) fs.copyFileSync(this.file, `${this.file}.bak`);
    fs.renameSync(temporary, this.file);
  }
}

/**
 * A save killed before its rename leaves `<file>.tmp-<pid>` behind, as large as the store; remove
 * those of processes that no longer run (a live one, another window's server, may be saving now).
 */
function removeStaleTemporaries(file: string): void {
  const prefix = `${path.basename(file)}.tmp-`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    try {
      fs.rmSync(path.join(path.dirname(file), name), { force: true });
    } catch {
      // Not ours to insist on: a leftover costs disk space, never progress.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type ReadResult = { ok: true; data: StoreFile } | { ok: false; missing: boolean; error: string };

function readStore(file: string): ReadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, error: missing ? 'missing' : String((error as Error).message) };
  }
  try {
    const data = JSON.parse(text) as StoreFile;
    if (data?.format !== 1 || typeof data.cards !== 'object' || data.cards === null) return { ok: false, missing: false, error: 'not a study progress file' };
    return { ok: true, data };
  } catch (error) {
    return { ok: false, missing: false, error: `invalid JSON: ${(error as Error).message}` };
  }
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}
