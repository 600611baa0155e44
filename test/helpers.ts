import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Finding } from '../server/src/service/common/findings';
import { IamCatalog } from '../server/src/service/iam/catalog/catalog';
import { analyzePolicy, type PolicyAnalysis } from '../server/src/service/iam/analyze';
import type { PolicyKind } from '../server/src/service/iam/model';
import { createLanguageService, type LanguageService } from '../server/src/service/languageService';

/** Shared test helpers: one catalog per process, cursor/range markers, applying edits. */

let catalog: IamCatalog | undefined;
export function testCatalog(): IamCatalog {
  catalog ??= IamCatalog.load();
  return catalog;
}

let service: LanguageService | undefined;
export function testService(): LanguageService {
  service ??= createLanguageService({ catalog: testCatalog() });
  return service;
}

let counter = 0;
export function doc(text: string, uri = `file:///test/policy-${++counter}.json`): TextDocument {
  return TextDocument.create(uri, 'json', 1, text);
}

export function analyze(text: string, kind?: PolicyKind): PolicyAnalysis {
  const analysis = analyzePolicy(doc(text), testCatalog(), { kind });
  if (!analysis) throw new Error('not analysed as a policy');
  return analysis;
}

/** `⟦…⟧` marks an expected range; `|` (with `cursor: true`) marks a position. Returns the clean text. */
export function markers(marked: string): { text: string; range?: Range; offset?: number } {
  const start = marked.indexOf('⟦');
  const end = marked.indexOf('⟧');
  if (start >= 0 && end > start) {
    const text = marked.replace('⟦', '').replace('⟧', '');
    const d = TextDocument.create('file:///m.json', 'json', 1, text);
    return { text, range: { start: d.positionAt(start), end: d.positionAt(end - 1) } };
  }
  const cursor = marked.indexOf('|');
  if (cursor >= 0) return { text: marked.slice(0, cursor) + marked.slice(cursor + 1), offset: cursor };
  return { text: marked };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const d = TextDocument.create('file:///e.json', 'json', 1, text);
  return TextDocument.applyEdits(d, [...edits]);
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** Wraps statements in a policy document. */
export function policy(...statements: string[]): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.join(',\n')}\n  ]\n}`;
}

/** A small deterministic PRNG, so a failure can be reproduced from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
