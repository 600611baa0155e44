import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { parseTree, type ParseError } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, type DocumentContext, type LanguageService } from '../../server/src/service/languageService';
import { NotesService } from '../../server/src/service/notes/service';
import { normalizeSettings } from '../../server/src/service/settings';
import { prng, testCatalog } from '../helpers';
import { documentShape, type FuzzCase } from './generators';

/**
 * The properties every document must satisfy, whatever its content. Each check throws an
 * Error naming what broke, so fast-check can shrink the input and the runner can save it.
 */

export const FOUND_DIR = path.join(__dirname, 'found');
const WORKSPACE = '/ws';
const CONTEXT: DocumentContext = { workspaceRoot: WORKSPACE, settings: normalizeSettings({ notes: { paths: [`${WORKSPACE}/notes`] } }) };

let service: LanguageService | undefined;
/** One service per process, with the bundled knowledge so that notes are linted too. */
export function fuzzService(): LanguageService {
  service ??= createLanguageService({ catalog: testCatalog(), notes: new NotesService() });
  return service;
}

let counter = 0;
function open(fuzz: FuzzCase, version = 1): TextDocument {
  const { name, languageId } = documentShape(fuzz.kind);
  // Notes are notes only inside a notes folder (CONTEXT's notes.paths).
  const folder = fuzz.kind === 'notes' ? `notes/f${++counter}` : `f${++counter}`;
  return TextDocument.create(`file://${WORKSPACE}/${folder}/${name}`, languageId, version, fuzz.text);
}

/** Time allowed for one analysis: generous, since the machine is shared; a quadratic path on 200 kB still blows it. */
export function budgetMs(length: number): number {
  return 2_000 + length / 50;
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function assertRangeInside(range: Range, lengths: readonly number[], what: string): void {
  const inside = (p: Position) => p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line]!;
  if (!inside(range.start) || !inside(range.end))
    throw new Error(`${what}: range ${JSON.stringify(range)} outside the document (lines ${JSON.stringify(lengths.slice(0, 20))})`);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  if (!ordered) throw new Error(`${what}: range ${JSON.stringify(range)} ends before it starts`);
}

/** Syntax errors of the document as its parser sees it (the count, for "still parseable"). */
export function syntaxErrors(fuzz: FuzzCase, text: string): number {
  try {
    return countSyntaxErrors(fuzz, text);
  } catch {
    // jsonc-parser's tree recurses: thousands of nested objects overflow the stack of this check (not of the service, which refuses them first).
    return Number.POSITIVE_INFINITY;
  }
}

function countSyntaxErrors(fuzz: FuzzCase, text: string): number {
  if (fuzz.kind === 'notes') return 0;
  if (documentShape(fuzz.kind).languageId === 'json') {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
    return errors.length;
  }
  // As the service reads YAML: a lone CR ends a line (buildspec/appspec withLineFeeds), which the yaml package alone does not do.
  return parseAllDocuments(text.replace(/\r(?!\n)/g, '\n')).reduce((sum, doc) => sum + ('errors' in doc ? doc.errors.length : 0), 0);
}

function diagnosticsOf(document: TextDocument): Diagnostic[] {
  const started = performance.now();
  const diagnostics = fuzzService().diagnostics(document, CONTEXT);
  const elapsed = performance.now() - started;
  if (elapsed > budgetMs(document.getText().length)) throw new Error(`analysis took ${Math.round(elapsed)} ms for ${document.getText().length} characters`);
  return diagnostics;
}

/** Analysis never throws, stays within its budget, and every range (diagnostics, fix edits) lies inside the document. */
export function checkAnalysis(fuzz: FuzzCase): void {
  const document = open(fuzz);
  const diagnostics = diagnosticsOf(document);
  const lengths = lineLengths(fuzz.text);
  for (const d of diagnostics) {
    assertRangeInside(d.range, lengths, `diagnostic ${d.code}`);
    for (const fix of (d.data as { fixes?: { edits: TextEdit[] }[] } | undefined)?.fixes ?? [])
      for (const edit of fix.edits) assertRangeInside(edit.range, lengths, `fix edit of ${d.code}`);
  }
  fuzzService().status(document, CONTEXT);
  fuzzService().forget(document.uri);
}

/**
 * Every quick-fix applies cleanly (edits inside the document, not overlapping), leaves a document
 * as parseable as it was, and removes a diagnostic of its own code.
 */
export function checkQuickFixes(fuzz: FuzzCase): void {
  const document = open(fuzz);
  const diagnostics = diagnosticsOf(document);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(fuzz.text.length) };
  const actions = fuzzService().codeActions(document, whole, diagnostics);
  // A stray U+FEFF is a byte order mark to the yaml package only before a document's content, so a
  // fix that inserts content above one turns it into text: such documents are not judged on syntax.
  const errorsBefore = fuzz.text.includes('\ufeff') ? Number.POSITIVE_INFINITY : syntaxErrors(fuzz, fuzz.text);
  for (const action of actions) {
    const edits = action.edit?.changes?.[document.uri] ?? [];
    const code = action.diagnostics?.[0]?.code;
    const sorted = [...edits].sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
    for (let i = 1; i < sorted.length; i++)
      if (document.offsetAt(sorted[i]!.range.start) < document.offsetAt(sorted[i - 1]!.range.end))
        throw new Error(`fix "${action.title}" (${code}) has overlapping edits`);
    const fixedText = TextDocument.applyEdits(document, edits);
    // A URI of its own: the service caches one analysis per URI and version.
    const fixed = open({ kind: fuzz.kind, text: fixedText }, 2);
    if (errorsBefore === 0 && syntaxErrors(fuzz, fixedText) > 0) throw new Error(`fix "${action.title}" (${code}) broke the syntax:\n${fixedText}`);
    // Its own diagnostic: the same code and message (a fix may reveal another problem of the same rule, e.g. a list whose item is wrong).
    const message = action.diagnostics?.[0]?.message;
    const count = (list: readonly Diagnostic[]) => list.filter((d) => d.code === code && d.message === message).length;
    const after = diagnosticsOf(fixed);
    // Beyond maxProblems the list is cut (and ends with a *099 notice): a removed one is replaced by the next.
    const capped = (list: readonly Diagnostic[]) => list.some((d) => String(d.code).endsWith('099'));
    if (capped(diagnostics) || capped(after)) {
      fuzzService().forget(fixed.uri);
      continue;
    }
    fuzzService().forget(fixed.uri);
    if (count(after) >= count(diagnostics)) throw new Error(`fix "${action.title}" did not remove its ${code} diagnostic:\n${fixedText}`);
  }
  fuzzService().forget(document.uri);
}

/** Hover and completion answer (or not) at every offset of a small document, at a sample of a large one, and never throw. */
export function checkHoverAndCompletion(fuzz: FuzzCase): void {
  const document = open(fuzz);
  const length = fuzz.text.length;
  const stride = Math.max(1, Math.ceil(length / 300));
  const offsets = new Set<number>([0, length]);
  for (let offset = 0; offset <= length; offset += stride) offsets.add(offset);
  for (const offset of offsets) {
    const position = document.positionAt(offset);
    fuzzService().hover(document, position, CONTEXT);
    fuzzService().completion(document, position, CONTEXT);
  }
  // Positions no client should send, but one might: past the end, past a line's end.
  fuzzService().hover(document, { line: document.lineCount + 5, character: 3 }, CONTEXT);
  fuzzService().completion(document, { line: 0, character: 10_000 }, CONTEXT);
  fuzzService().forget(document.uri);
}

/** What the edit sequences type: letters (mostly inside strings), punctuation of both syntaxes, line breaks. */
const EDIT_INSERTS = ['x', 'Q', '*', ':', '"', ',', ' ', '\n', '\r\n', '{', '}', '[', ']', '- ', '  ', '#', "'", '\t', ''];

/**
 * A sequence of edits through one service that keeps what it can between versions (statement
 * re-parsing, findings kept per statement, templates parsed piece by piece) reports, at every
 * version, exactly what a service that sees the text for the first time reports. The edits are
 * drawn from the text's own hash, so a found input replays the same sequence.
 */
export function checkEditSequence(fuzz: FuzzCase): void {
  // Notes are indexed, not analysed incrementally; their diagnostics need the notes service.
  if (fuzz.kind === 'notes') return;
  const random = prng(createHash('sha256').update(fuzz.text).digest().readUInt32LE(0));
  const document = open(fuzz);
  const kept = fuzzService();
  kept.diagnostics(document, CONTEXT);
  const undo: { start: number; end: number; text: string }[] = [];
  for (let step = 0; step < 10; step++) {
    const text = document.getText();
    let start: number;
    let end: number;
    let inserted: string;
    const choice = random();
    const last = undo.pop();
    if (last && choice < 0.3) ({ start, end, text: inserted } = last);
    else {
      if (last) undo.push(last);
      // A letter after a quote: typing inside a string, the edit the incremental paths are for.
      const quote = text.indexOf('"', Math.floor(random() * text.length));
      start = choice < 0.65 && quote >= 0 ? quote + 1 : Math.floor(random() * (text.length + 1));
      end = Math.min(text.length, start + (random() < 0.25 ? Math.floor(random() * 6) : 0));
      inserted = choice < 0.65 ? 'xYz*'[Math.floor(random() * 4)]! : EDIT_INSERTS[Math.floor(random() * EDIT_INSERTS.length)]!;
      undo.push({ start, end: start + inserted.length, text: text.slice(start, end) });
    }
    TextDocument.update(document, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: inserted }], document.version + 1);
    const same = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
    // vscode-languageserver-textdocument's incremental update counts a CR and the LF typed after it
    // as two line breaks (a fresh document counts one): positions then differ before any analysis.
    // VS Code keeps one line ending per document, so it never sends such an edit; the sequence ends here.
    if (same.lineCount !== document.lineCount) break;
    const fresh = createLanguageService({ catalog: testCatalog() });
    const expected = fresh.diagnostics(same, CONTEXT);
    const actual = kept.diagnostics(document, CONTEXT);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      // The first diagnostic that differs, whole: the lists can be long.
      let at = 0;
      while (at < Math.max(actual.length, expected.length) && JSON.stringify(actual[at]) === JSON.stringify(expected[at])) at++;
      throw new Error(
        `after edit ${step + 1} (${JSON.stringify(inserted)} at ${start}–${end}) the kept analysis differs from a fresh one at diagnostic ${at} of ${actual.length} (fresh: ${expected.length}):\nkept: ${JSON.stringify(actual[at])}\nfresh: ${JSON.stringify(expected[at])}\n${document.getText()}`,
      );
    }
  }
  kept.forget(document.uri);
}

export function checkAll(fuzz: FuzzCase): void {
  checkAnalysis(fuzz);
  checkQuickFixes(fuzz);
  checkHoverAndCompletion(fuzz);
  checkEditSequence(fuzz);
}

// ---------------------------------------------------------------------------------------------
// Regression cases: every failing input the fuzzer found, replayed by the test suite.

export interface FoundCase extends FuzzCase {
  readonly property: string;
  readonly error: string;
  readonly seed?: number;
  readonly found: string;
}

export function loadFound(): FoundCase[] {
  if (!fs.existsSync(FOUND_DIR)) return [];
  return fs
    .readdirSync(FOUND_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(FOUND_DIR, name), 'utf8')) as FoundCase);
}

/** Writes a failing input as a regression case; returns its path. Named by content, so the same input is saved once. */
export function saveFound(fuzz: FuzzCase, property: string, error: unknown, seed?: number): string {
  fs.mkdirSync(FOUND_DIR, { recursive: true });
  const hash = createHash('sha256').update(`${fuzz.kind}\0${fuzz.text}`).digest('hex').slice(0, 12);
  const file = path.join(FOUND_DIR, `${property}-${fuzz.kind}-${hash}.json`);
  const message = error instanceof Error ? error.message : String(error);
  const record: FoundCase = { kind: fuzz.kind, text: fuzz.text, property, error: message.slice(0, 2000), seed, found: new Date().toISOString() };
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

export const PROPERTIES: Record<string, (fuzz: FuzzCase) => void> = {
  analysis: checkAnalysis,
  quickfix: checkQuickFixes,
  hover: checkHoverAndCompletion,
  edits: checkEditSequence,
};
