import * as fs from 'node:fs';
import * as path from 'node:path';

/** The curated knowledge compiled by scripts/compile-knowledge.mjs into dist/knowledge/knowledge.json. */

export interface Quantity {
  readonly value: number;
  readonly unit: string;
  readonly qualifier?: 'min' | 'max' | 'default';
}

export interface Fact {
  readonly id: string;
  readonly topic: string;
  readonly statement: string;
  readonly section: string;
  /** Groups of words; a sentence is about the fact when it has a word of every group. */
  readonly keywords: readonly (readonly string[])[];
  readonly quantities: readonly Quantity[];
  readonly kind: 'duration' | 'size' | 'count';
  /** The bundled note that explains it (knowledge/notes/x.md). */
  readonly note: string;
}

export interface Knowledge {
  readonly notes: readonly { readonly path: string; readonly text: string }[];
  readonly facts: readonly Fact[];
}

export function loadKnowledge(dir = findKnowledgeDirectory()): Knowledge {
  if (!dir) return { notes: [], facts: [] };
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'knowledge.json'), 'utf8')) as Knowledge;
  } catch {
    return { notes: [], facts: [] };
  }
}

function findKnowledgeDirectory(): string | undefined {
  const bundled = path.join(__dirname, 'knowledge');
  if (fs.existsSync(path.join(bundled, 'knowledge.json'))) return bundled;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dist', 'knowledge');
    if (fs.existsSync(path.join(candidate, 'knowledge.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
