import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../common/findings';
import { rangeOf } from '../common/text';
import { NOTES_RULES } from './definitions';
import { escapeMarkdown, excerpt } from './excerpt';
import { NotesIndex, type IndexedSection, type NoteHit, type NoteSource } from './index';
import { loadKnowledge, type Fact, type Knowledge } from './knowledge';
import { collectMentions, lintStatements, statementsOf, type Mention } from './lint';

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

/** The notes and facts quizzes are generated from. */
export interface StudyMaterial {
  readonly sections: readonly IndexedSection[];
  readonly facts: readonly Fact[];
  /** Absolute path of a section's file (the bundled knowledge lives in the extension folder). */
  readonly pathOf: (section: IndexedSection) => string;
  /** Absolute path of a bundled note (knowledge/notes/x.md), for questions built from facts and specs. */
  readonly knowledgePath: (note: string) => string;
}

export interface NotesServiceOptions {
  readonly knowledge?: Knowledge;
  /** Where the bundled knowledge's Markdown files are, for links (the extension folder). */
  readonly knowledgeRoot?: string;
}

export class NotesService {
  readonly index = new NotesIndex();
  private readonly knowledge: Knowledge;
  private readonly knowledgeRoot: string | undefined;
  private knowledgeLoaded = false;
  private mentions: Map<string, Mention[]> | undefined;
  /** The user's note texts as read, for disagreements with exact line numbers. */
  private readonly userTexts = new Map<string, string>();

  constructor(options: NotesServiceOptions = {}) {
    this.knowledge = options.knowledge ?? loadKnowledge();
    this.knowledgeRoot = options.knowledgeRoot;
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
    this.userTexts.set(file, text);
    return this.index.setFile(file, text, 'notes');
  }

  removeNote(file: string): void {
    this.mentions = undefined;
    this.userTexts.delete(file);
    this.index.removeFile(file);
  }

  counts() {
    this.ensureKnowledge();
    return { notes: this.index.counts('notes'), knowledge: this.index.counts('knowledge') };
  }

  search(query: string, options: { limit?: number; boostServices?: readonly string[]; source?: NoteSource } = {}): NoteResult[] {
    this.ensureKnowledge();
    return this.index.query(query, options).map((hit) => this.toResult(hit, query));
  }

  /** The "From your notes" part of a hover: the 1–3 best sections, each an excerpt with a link. */
  hoverMarkdown(query: string, boostServices: readonly string[], limit = 3): string | undefined {
    this.ensureKnowledge();
    const hits = this.index.query(query, { limit, boostServices, requireAll: true });
    if (hits.length === 0) return undefined;
    const lines = ['---', '**From your notes**'];
    for (const hit of hits) {
      const result = this.toResult(hit, query);
      const label = result.source === 'knowledge' ? 'AWS Study Hints knowledge' : path.basename(result.file);
      const link = this.linkOf(result);
      const title = escapeMarkdown([...result.headingPath.slice(-1), result.title].join(' › '));
      lines.push('', `*${escapeMarkdown(label)}* · **${title}**${link ? ` · [open](${link})` : ''}`, '', result.excerpt);
    }
    return lines.join('\n');
  }

  /** What quizzes are made from: every indexed section and the curated facts, with the files they live in. */
  studyMaterial(): StudyMaterial {
    this.ensureKnowledge();
    const knowledgePath = (note: string) => (this.knowledgeRoot ? path.join(this.knowledgeRoot, note) : note);
    return {
      sections: this.index.allSections(),
      facts: this.knowledge.facts,
      pathOf: (section) => (section.source === 'knowledge' ? knowledgePath(section.file) : section.file),
      knowledgePath,
    };
  }

  /** NOTE001/NOTE002 for a user's note document. */
  lint(document: TextDocument, file: string): Finding[] {
    this.ensureKnowledge();
    const facts = this.knowledge.facts;
    if (facts.length === 0) return [];
    const mentions = this.mentionsByFact(file);
    const problems = lintStatements(statementsOf(document.getText()), facts, (fact) => mentions.get(fact.id) ?? []);
    return problems.map((problem) => ({
      code: problem.kind === 'contradicts-fact' ? NOTES_RULES.contradictsFact.code : NOTES_RULES.notesDisagree.code,
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
  }

  /** Mentions of each fact in the other user notes (built once per change of the notes). */
  private mentionsByFact(excludeFile: string): Map<string, Mention[]> {
    if (!this.mentions) {
      const notes = [...this.userTexts].map(([noteFile, text]) => ({ file: noteFile, text }));
      this.mentions = collectMentions(notes, this.knowledge.facts);
    }
    const filtered = new Map<string, Mention[]>();
    for (const [id, list] of this.mentions)
      filtered.set(
        id,
        list.filter((m) => m.file !== excludeFile),
      );
    return filtered;
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

  /** The note's path on disk (the bundled knowledge lives in the extension folder). */
  pathOf(result: NoteResult): string | undefined {
    return result.source === 'knowledge' ? (this.knowledgeRoot ? path.join(this.knowledgeRoot, result.file) : undefined) : result.file;
  }

  /** A link that opens the note at the section (file URI with a line fragment). */
  linkOf(result: NoteResult): string | undefined {
    const file = this.pathOf(result);
    return file ? `${pathToFileURL(file).href}#L${result.line + 1}` : undefined;
  }
}
