import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { knowledgeUri, LINK_COMMANDS, NOTE_SOURCE_LABELS } from '../../protocol';
import type { Finding } from '../common/findings';
import { rangeOf } from '../common/text';
import { NOTES_RULES } from './definitions';
import { escapeMarkdown, excerpt } from './excerpt';
import { NotesIndex, type IndexedSection, type NoteHit, type NoteSource } from './index';
import { loadKnowledge, type Knowledge, type LoadedFact, type Misconception, type Scenario } from './knowledge';
import { FactChecker, type FactMention, type FactProblem } from './factCheck';
import { disagreements } from './lint';
import { MisconceptionChecker, type MisconceptionProblem } from './misconceptions';
import { statementsWithContext } from './statements';

/**
 * The study-notes side of the service: the index of the bundled knowledge and the user's notes,
 * searches, the "From your notes" part of hovers, and the notes lint. Editor-free: the server
 * feeds it files, the CLI and tests can too.
 */

export interface NoteResult {
  readonly title: string;
  readonly headingPath: readonly string[];
  readonly file: string;
  /** 0-based line of the section's first line. */
  readonly line: number;
  /** 0-based line of the section's last line. */
  readonly endLine: number;
  readonly excerpt: string;
  readonly source: NoteSource;
  readonly score: number;
}

/** A search: the results, or when there are none, corrected queries that find something. */
export interface NoteSearch {
  readonly results: NoteResult[];
  /** "Did you mean …?": only when nothing matches (see NotesIndex.suggest). */
  readonly suggestions: string[];
}

export interface NoteSearchOptions {
  readonly limit?: number;
  readonly boostServices?: readonly string[];
  readonly source?: NoteSource;
  /** False where a miss needs no "did you mean" (workspace symbols, typed one letter at a time). */
  readonly suggest?: boolean;
}

/** "From your notes" or "From AWS Study Hints knowledge". */
export const sourceLabel = (source: NoteSource) => NOTE_SOURCE_LABELS[source === 'knowledge' ? 'bundled' : 'user'];

/** The notes and facts quizzes are generated from. */
export interface StudyMaterial {
  readonly sections: readonly IndexedSection[];
  readonly facts: readonly LoadedFact[];
  /** Absolute path of a section's file (the bundled knowledge lives in the extension folder). */
  readonly pathOf: (section: IndexedSection) => string;
  /** Absolute path of a bundled note (knowledge/notes/x.md), for questions built from facts and specs. */
  readonly knowledgePath: (note: string) => string;
  /** The notes lint on one sentence (with the headings around it): what a question must never teach. */
  readonly check: (text: string, context: string) => { problems: FactProblem[]; mentions: FactMention[]; misconceptions: MisconceptionProblem[] };
  readonly misconceptions: readonly Misconception[];
  readonly scenarios: readonly Scenario[];
}

export interface NotesServiceOptions {
  readonly knowledge?: Knowledge;
  /** Where the bundled knowledge's Markdown files are, for links (the extension folder). */
  readonly knowledgeRoot?: string;
}

export class NotesService {
  readonly index = new NotesIndex();
  /** The bundled facts and notes (1 MB of JSON): read the first time they are needed, not at start-up. */
  private knowledgeRead: Knowledge | undefined;
  private readonly knowledgeRoot: string | undefined;
  private knowledgeLoaded = false;
  private mentions: (FactMention & { file: string })[] | undefined;
  private checkers: { facts: FactChecker; misconceptions: MisconceptionChecker } | undefined;
  /** The user's note texts as read, for disagreements with exact line numbers. */
  private readonly userTexts = new Map<string, string>();
  /**
   * Hover excerpts by query, until the notes change. Hovering is repetitive (the same action,
   * again and again while reading a policy) and the fuzzy search behind an excerpt is most of a
   * hover's time.
   */
  private readonly hoverCache = new Map<string, string | undefined>();

  constructor(options: NotesServiceOptions = {}) {
    this.knowledgeRead = options.knowledge;
    this.knowledgeRoot = options.knowledgeRoot;
  }

  private get knowledge(): Knowledge {
    this.knowledgeRead ??= loadKnowledge();
    return this.knowledgeRead;
  }

  /** The bundled knowledge is indexed on first use (about 20 ms), not at start-up. */
  private ensureKnowledge(): void {
    if (this.knowledgeLoaded) return;
    this.knowledgeLoaded = true;
    for (const note of this.knowledge.notes) this.index.setFile(note.path, note.text, 'knowledge');
  }

  get facts() {
    return this.knowledge.facts;
  }

  setNote(file: string, text: string): number {
    this.ensureKnowledge();
    this.mentions = undefined;
    this.hoverCache.clear();
    this.userTexts.set(file, text);
    return this.index.setFile(file, text, 'notes');
  }

  removeNote(file: string): void {
    this.mentions = undefined;
    this.hoverCache.clear();
    this.userTexts.delete(file);
    this.index.removeFile(file);
  }

  counts() {
    this.ensureKnowledge();
    return { notes: this.index.counts('notes'), knowledge: this.index.counts('knowledge') };
  }

  /** The search of the editor and the CLI: the best sections, or "did you mean" when none match. */
  search(query: string, options: NoteSearchOptions = {}): NoteSearch {
    this.ensureKnowledge();
    const results = this.index.query(query, options).map((hit) => this.toResult(hit, query));
    const suggestions = results.length === 0 && options.suggest !== false ? this.index.suggest(query, { source: options.source }) : [];
    return { results, suggestions };
  }

  /**
   * The notes part of a hover: the 1–3 best sections, each an excerpt with a link, under the
   * heading of where they come from ("From your notes" is never said of the bundled knowledge).
   */
  hoverMarkdown(query: string, boostServices: readonly string[], limit = 3): string | undefined {
    const key = `${query}\n${boostServices.join(',')}\n${limit}`;
    if (this.hoverCache.has(key)) return this.hoverCache.get(key);
    const markdown = this.findHoverMarkdown(query, boostServices, limit);
    // Bounded: a long session hovers over many words, and a hit is only worth keeping while it is likely to recur.
    if (this.hoverCache.size >= 2000) this.hoverCache.clear();
    this.hoverCache.set(key, markdown);
    return markdown;
  }

  private findHoverMarkdown(query: string, boostServices: readonly string[], limit: number): string | undefined {
    this.ensureKnowledge();
    const hits = this.index.query(query, { limit: Math.max(limit, 20), boostServices, requireAll: true });
    if (hits.length === 0) return undefined;
    const shown = hits.slice(0, limit);
    // The learner's own notes are what the hover is for: the best of them always gets a place,
    // even when the bundled knowledge says more about the word (iam:PassRole vs. "PassRole").
    const mine = hits.find((hit) => hit.section.source === 'notes');
    if (mine && !shown.includes(mine)) shown[shown.length - 1] = mine;
    // Grouped by source, the group of the best section first; best first within each group.
    const groups = new Map<NoteSource, NoteResult[]>();
    for (const hit of shown) {
      const result = this.toResult(hit, query);
      groups.set(result.source, [...(groups.get(result.source) ?? []), result]);
    }
    const lines = ['---'];
    for (const [source, results] of groups) {
      lines.push(...(lines.length > 1 ? [''] : []), `**${sourceLabel(source)}**`);
      for (const result of results) {
        const link = this.linkOf(result);
        const title = escapeMarkdown([...result.headingPath.slice(-1), result.title].join(' › '));
        const file = source === 'notes' ? `*${escapeMarkdown(path.basename(result.file))}* · ` : '';
        lines.push('', `${file}**${title}** · [open](${link})`, '', result.excerpt);
      }
    }
    return lines.join('\n');
  }

  /** What quizzes are made from: every indexed section and the curated facts, with the files they live in. */
  studyMaterial(): StudyMaterial {
    this.ensureKnowledge();
    const checkers = this.checkersOf();
    const knowledgePath = (note: string) => (this.knowledgeRoot ? path.join(this.knowledgeRoot, note) : note);
    return {
      sections: this.index.allSections(),
      facts: this.knowledge.facts,
      pathOf: (section) => (section.source === 'knowledge' ? knowledgePath(section.file) : section.file),
      knowledgePath,
      check: (text, context) => {
        const statements = [{ text, offset: 0, line: 0, context: context.toLowerCase() }];
        return { ...checkers.facts.analyse(statements), misconceptions: checkers.misconceptions.check(statements) };
      },
      misconceptions: this.knowledge.misconceptions,
      scenarios: this.knowledge.scenarios,
    };
  }

  /** The knowledge every note is checked against, compiled once. */
  private checkersOf() {
    this.checkers ??= { facts: new FactChecker(this.knowledge.facts), misconceptions: new MisconceptionChecker(this.knowledge.misconceptions) };
    return this.checkers;
  }

  /** The notes lint of a user's note: wrong and outdated numbers, misconceptions, and disagreements with the other notes. */
  lint(document: TextDocument, file: string): Finding[] {
    this.ensureKnowledge();
    const { facts, misconceptions } = this.checkersOf();
    const statements = statementsWithContext(document.getText());
    const { problems, mentions } = facts.analyse(statements);
    const findings: Finding[] = problems.map((problem) => ({
      code: problem.kind === 'outdated' ? NOTES_RULES.outdatedFact.code : NOTES_RULES.contradictsFact.code,
      range: rangeOf(document, problem.offset, problem.length),
      message: problem.message,
      fixes: problem.replacement
        ? [
            {
              title: `Replace with ${problem.replacement.text}`,
              edits: [{ range: rangeOf(document, problem.replacement.offset, problem.replacement.length), newText: problem.replacement.text }],
              preferred: true,
            },
          ]
        : [],
    }));
    for (const problem of misconceptions.check(statements)) {
      findings.push({ code: NOTES_RULES.misconception.code, range: rangeOf(document, problem.offset, problem.length), message: problem.message });
    }
    for (const problem of disagreements(mentions, this.otherMentions(file))) {
      findings.push({ code: NOTES_RULES.notesDisagree.code, range: rangeOf(document, problem.offset, problem.length), message: problem.message });
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  /** What the learner's other notes say about the facts (built once per change of the notes). */
  private otherMentions(excludeFile: string): (FactMention & { file: string })[] {
    if (!this.mentions) {
      const { facts } = this.checkersOf();
      this.mentions = [...this.userTexts].flatMap(([file, text]) => facts.analyse(statementsWithContext(text)).mentions.map((m) => ({ ...m, file })));
    }
    return this.mentions.filter((m) => m.file !== excludeFile);
  }

  private toResult(hit: NoteHit, query: string): NoteResult {
    const section: IndexedSection = hit.section;
    return {
      title: section.title,
      headingPath: section.headingPath,
      file: section.file,
      line: section.startLine,
      endLine: section.endLine,
      excerpt: excerpt(section.text || section.title, query),
      source: section.source,
      score: hit.score,
    };
  }

  /** The note's path on disk (the bundled knowledge lives in the extension folder), for the CLI. */
  pathOf(result: NoteResult): string | undefined {
    return result.source === 'knowledge' ? (this.knowledgeRoot ? path.join(this.knowledgeRoot, result.file) : undefined) : result.file;
  }

  /** The URI a result opens: the note's file, or the bundled note's read-only virtual document. */
  uriOf(result: NoteResult): string {
    return result.source === 'knowledge' ? knowledgeUri(result.file) : pathToFileURL(result.file).href;
  }

  /**
   * A hover link that opens the note at the section: a file URI with a line fragment for the
   * learner's notes; for the bundled knowledge the client's openNote command (a hover may link
   * only file: URIs and commands, not the virtual document's scheme).
   */
  linkOf(result: NoteResult): string {
    if (result.source === 'notes') return `${pathToFileURL(result.file).href}#L${result.line + 1}`;
    return `command:${LINK_COMMANDS.openNote}?${encodeURIComponent(JSON.stringify([this.uriOf(result), result.line]))}`;
  }
}
