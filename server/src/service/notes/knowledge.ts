import * as fs from 'node:fs';
import * as path from 'node:path';
import { unitInfo, type QuantityKind } from './quantities';

/** The curated knowledge compiled by scripts/compile-knowledge.mjs into dist/knowledge/knowledge.json. */

export interface Quantity {
  readonly value: number;
  readonly unit: string;
  readonly qualifier?: 'min' | 'max' | 'default' | 'exact';
}

export interface FactChange {
  readonly value: number;
  readonly unit: string;
  /** Until when the old value held, e.g. "2025-08". */
  readonly until: string;
  readonly note?: string;
}

/** One number of one property of one service, checked against AWS documentation. */
export interface Fact {
  readonly id: string;
  /** The service id (the knowledge/notes file name), e.g. "sqs". */
  readonly service: string;
  /** The service's name, e.g. "Amazon SQS". */
  readonly topic: string;
  /** Words that name the service in notes, lower case. */
  readonly serviceWords: readonly string[];
  /** The property, e.g. "maximum message size". */
  readonly property: string;
  /** Groups of words; a statement is about the property when it has a word of every group. */
  readonly propertyWords: readonly (readonly string[])[];
  readonly statement: string;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: 'min' | 'max' | 'default' | 'exact';
  /** Other numbers a correct statement about the property may use (the same value in other units…). */
  readonly alsoCorrect?: readonly { readonly value: number; readonly unit: string }[];
  readonly adjustable?: boolean;
  /** Earlier values, newest last. */
  readonly history?: readonly FactChange[];
  readonly source: string;
  readonly checked: string;
  /** The bundled note that explains it (knowledge/notes/x.md). */
  readonly note: string;
}

/** A fact as the quiz and the lint use it: the fields derived once at load. */
export interface LoadedFact extends Fact {
  readonly section: string;
  readonly kind: QuantityKind;
  /** The value and the other correct values, the value first with its qualifier. */
  readonly quantities: readonly Quantity[];
  /** Service words, then the property's groups. */
  readonly keywords: readonly (readonly string[])[];
}

/** A common non-numeric error, with the correct statement and how to recognise it in a note. */
export interface Misconception {
  readonly id: string;
  readonly service: string;
  readonly wrong: string;
  readonly correct: string;
  readonly source: string;
  readonly checked: string;
  readonly match: { readonly all: readonly (readonly string[])[]; readonly none: readonly string[] };
}

/** A curated exam-style question. */
export interface Scenario {
  readonly id: string;
  readonly services: readonly string[];
  readonly topic: string;
  readonly exam: readonly string[];
  readonly scenario: string;
  readonly options: readonly string[];
  readonly answer: number;
  readonly why: readonly string[];
  readonly source: string;
}

export interface Knowledge {
  readonly notes: readonly { readonly path: string; readonly text: string }[];
  readonly facts: readonly LoadedFact[];
  readonly misconceptions: readonly Misconception[];
  readonly scenarios: readonly Scenario[];
}

export const EMPTY_KNOWLEDGE: Knowledge = { notes: [], facts: [], misconceptions: [], scenarios: [] };

export function loadKnowledge(dir = findKnowledgeDirectory()): Knowledge {
  if (!dir) return EMPTY_KNOWLEDGE;
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, 'knowledge.json'), 'utf8')) as {
      notes?: Knowledge['notes'];
      facts?: Fact[];
      misconceptions?: Misconception[];
      scenarios?: Scenario[];
    };
    return {
      notes: raw.notes ?? [],
      facts: (raw.facts ?? []).flatMap((fact) => {
        const loaded = loadFact(fact);
        return loaded ? [loaded] : [];
      }),
      misconceptions: raw.misconceptions ?? [],
      scenarios: raw.scenarios ?? [],
    };
  } catch {
    return EMPTY_KNOWLEDGE;
  }
}

/** Derives what the lint and the quiz need; a fact in a unit the lint cannot read is left out. */
export function loadFact(fact: Fact): LoadedFact | undefined {
  const info = unitInfo(fact.unit);
  if (!info) return undefined;
  return {
    ...fact,
    section: fact.property,
    kind: info.kind,
    quantities: [{ value: fact.value, unit: fact.unit, qualifier: fact.qualifier }, ...(fact.alsoCorrect ?? [])],
    keywords: [fact.serviceWords, ...fact.propertyWords],
  };
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
