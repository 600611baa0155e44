import MiniSearch from 'minisearch';
import { notesQuery } from './query';
import { splitNote, type NoteSection } from './split';
import { didYouMean, mergeVocabulary, vocabularyOf, type Vocabulary } from './suggest';
import { processTerm, tokenize } from './tokenize';

/**
 * The notes index: the bundled knowledge and the user's notes, split into sections and indexed
 * with MiniSearch. Files are added, replaced and removed one at a time, so a changed note costs
 * only its own re-indexing.
 */

export type NoteSource = 'knowledge' | 'notes';

export interface IndexedSection extends NoteSection {
  readonly key: string;
  readonly source: NoteSource;
  /** IAM service prefixes the section is about, for context boosts. */
  readonly services: readonly string[];
}

export interface NoteHit {
  readonly section: IndexedSection;
  readonly score: number;
}

export interface SearchOptions {
  readonly limit?: number;
  /** Sections about these service prefixes rank higher (CodeBuild notes in a buildspec…). */
  readonly boostServices?: readonly string[];
  readonly source?: NoteSource;
  /** Only sections that contain every term (hovers must not show loosely related notes). */
  readonly requireAll?: boolean;
}

interface Doc {
  key: string;
  title: string;
  headingPath: string;
  text: string;
  keywords: string;
}

/** Longer than any word a person types ("Cloudfromation", "Kinesys"): such terms are matched exactly or by prefix only. */
const MAX_FUZZY_TERM = 40;

export class NotesIndex {
  private readonly search = new MiniSearch<Doc>({
    idField: 'key',
    fields: ['title', 'headingPath', 'text', 'keywords'],
    tokenize,
    processTerm,
    searchOptions: {
      boost: { title: 3, headingPath: 2, keywords: 2 },
      prefix: (term) => term.length >= 4,
      // One or two typos in words of five letters or more (Kinesys, Lamda, Cloudfromation); short words must be exact.
      // Not in words longer than any a person types: minisearch's edit-distance matrix grows with the
      // square of the word (a 65,000-character "word" under the cursor asked for 4 GB; found by the fuzzer).
      fuzzy: (term) => (term.length > MAX_FUZZY_TERM || /[:_\-./]/.test(term) ? false : term.length >= 6 ? 2 : term.length === 5 ? 1 : false),
      maxFuzzy: 2,
    },
  });
  private readonly sections = new Map<string, IndexedSection>();
  private readonly keysByFile = new Map<string, string[]>();
  /** Words that name a service (from the knowledge's front matter) → its IAM prefixes. */
  private readonly serviceWords = new Map<string, string[]>();
  /**
   * The terms of each file and of all files, for "did you mean". Built on the first search that
   * finds nothing, not while indexing (most sessions never need it); a changed file drops its own.
   */
  private readonly fileVocabulary = new Map<string, Vocabulary>();
  private readonly vocabulary = new Map<NoteSource | 'all', Vocabulary>();

  /**
   * Adds or replaces one file. Only sections whose text changed are re-indexed, so saving a
   * note after editing one paragraph costs the split and that section, not the whole file.
   * Returns the number of sections the file has.
   */
  setFile(file: string, text: string, source: NoteSource): number {
    this.forgetVocabulary(file);
    const sections = splitNote(file, text);
    if (source === 'knowledge') this.learnServiceNames(sections[0]?.meta ?? {});
    const previous = new Set(this.keysByFile.get(file) ?? []);
    const docs: Doc[] = [];
    const keys: string[] = [];
    for (const section of sections) {
      if (section.text.trim() === '' && section.title.trim() === '') continue;
      const key = `${file}\u0000${section.id}`;
      keys.push(key);
      const old = this.sections.get(key);
      const services = this.servicesOf(section);
      this.sections.set(key, { ...section, key, source, services });
      if (old && previous.has(key) && old.text === section.text && old.headingPath.join('/') === section.headingPath.join('/')) {
        previous.delete(key); // unchanged: positions refreshed above, index untouched
        continue;
      }
      if (old && previous.has(key)) {
        this.search.discard(key);
        previous.delete(key);
      }
      docs.push({ key, title: section.title, headingPath: section.headingPath.join(' '), text: section.text, keywords: section.meta.keywords ?? '' });
    }
    for (const gone of previous) {
      this.search.discard(gone);
      this.sections.delete(gone);
    }
    this.search.addAll(docs);
    this.keysByFile.set(file, keys);
    if (this.search.dirtCount > 2_000) void this.search.vacuum();
    return keys.length;
  }

  removeFile(file: string): void {
    const keys = this.keysByFile.get(file);
    if (!keys) return;
    this.forgetVocabulary(file);
    for (const key of keys) {
      this.search.discard(key);
      this.sections.delete(key);
    }
    this.keysByFile.delete(file);
    // Discarded documents are cleaned up lazily by MiniSearch; vacuum when many piled up.
    if (this.search.dirtCount > 2_000) void this.search.vacuum();
  }

  hasFile(file: string): boolean {
    return this.keysByFile.has(file);
  }

  counts(source?: NoteSource): { files: number; sections: number } {
    let files = 0;
    let sections = 0;
    for (const [, keys] of this.keysByFile) {
      const first = keys[0] ? this.sections.get(keys[0]) : undefined;
      if (source && first?.source !== source) continue;
      if (first || keys.length === 0) files++;
      sections += keys.length;
    }
    return { files, sections };
  }

  sectionsOf(file: string): IndexedSection[] {
    return (this.keysByFile.get(file) ?? []).map((k) => this.sections.get(k)!).filter(Boolean);
  }

  allSections(source?: NoteSource): IndexedSection[] {
    return [...this.sections.values()].filter((s) => !source || s.source === source);
  }

  query(text: string, options: SearchOptions = {}): NoteHit[] {
    if (text.trim() === '') return [];
    const boost = new Set(options.boostServices ?? []);
    const boostDocument = (key: string) => {
      const section = this.sections.get(key);
      if (!section) return 0;
      if (options.source && section.source !== options.source) return 0;
      let factor = 1;
      if (boost.size > 0 && section.services.some((s) => boost.has(s))) factor *= 2;
      if (section.text.length < 20) factor *= 0.5; // near-empty stubs rank last
      return factor;
    };
    // Every term first; if nothing has them all, any term.
    let results = this.search.search(notesQuery(text, 'AND'), { combineWith: 'AND', boostDocument });
    if (results.length === 0 && !options.requireAll) results = this.search.search(notesQuery(text, 'OR'), { combineWith: 'OR', boostDocument });
    const hits: NoteHit[] = [];
    for (const result of results) {
      const section = this.sections.get(String(result.id));
      if (section && (!options.source || section.source === options.source)) hits.push({ section, score: result.score });
      if (hits.length >= (options.limit ?? 10)) break;
    }
    return hits;
  }

  /**
   * Queries close to one that found nothing (a word replaced by the nearest terms of the notes),
   * each of which finds something with the same options; empty when the query finds something.
   */
  suggest(text: string, options: Pick<SearchOptions, 'source'> = {}): string[] {
    if (text.trim() === '' || this.query(text, { ...options, limit: 1 }).length > 0) return [];
    return didYouMean(text, this.vocabularyOf(options.source), (candidate) => this.query(candidate, { ...options, limit: 1 }).length > 0);
  }

  private vocabularyOf(source: NoteSource | undefined): Vocabulary {
    const cached = this.vocabulary.get(source ?? 'all');
    if (cached) return cached;
    const merged = new Map<string, { display: string; sections: number }>();
    for (const file of this.keysByFile.keys()) {
      const sections = this.sectionsOf(file);
      if (source && sections[0]?.source !== source) continue;
      let terms = this.fileVocabulary.get(file);
      if (!terms) {
        terms = vocabularyOf(sections.map((s) => [s.title, ...s.headingPath, s.text, s.meta.keywords ?? ''].join('\n')));
        this.fileVocabulary.set(file, terms);
      }
      mergeVocabulary(merged, terms);
    }
    this.vocabulary.set(source ?? 'all', merged);
    return merged;
  }

  private forgetVocabulary(file: string): void {
    this.fileVocabulary.delete(file);
    this.vocabulary.clear();
  }

  private learnServiceNames(meta: Readonly<Record<string, string>>): void {
    const prefixes = (meta.prefix ?? '')
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
    if (prefixes.length === 0) return;
    for (const name of [meta.title, meta.service, ...prefixes]) {
      for (const word of (name ?? '')
        .toLowerCase()
        .replace(/^(amazon|aws)\s+/, '')
        .split(/[\s/,()]+/)) {
        if (word.length >= 2 && !['and', 'or', 'the', 'amazon', 'aws', 'service', 'services'].includes(word)) {
          this.serviceWords.set(word, [...new Set([...(this.serviceWords.get(word) ?? []), ...prefixes])]);
        }
      }
    }
  }

  private servicesOf(section: NoteSection): string[] {
    const declared = (section.meta.prefix ?? '')
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
    if (declared.length > 0) return declared;
    const found = new Set<string>();
    for (const word of [section.title, ...section.headingPath]
      .join(' ')
      .toLowerCase()
      .split(/[\s/,():-]+/)) {
      for (const prefix of this.serviceWords.get(word) ?? []) found.add(prefix);
    }
    return [...found];
  }
}
