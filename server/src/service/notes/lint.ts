import type { Fact } from './knowledge';
import { findCounts, findQuantities, formatQuantity, unitInfo, type FoundQuantity } from './quantities';

/**
 * Notes lint: statements in a user's notes that contradict a curated fact (a wrong limit,
 * default or retention period), and statements where the user's notes disagree with each
 * other. Precision matters more than recall, so a statement is only judged when it names the
 * fact's subject and property, and the number sits right next to the property's words.
 */

export interface NoteProblem {
  readonly kind: 'contradicts-fact' | 'notes-disagree';
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  readonly fact: Fact;
  /** The correct value, when the statement says which one it means (max, default…) or there is only one. */
  readonly replacement?: { readonly offset: number; readonly length: number; readonly text: string };
}

export interface Statement {
  readonly text: string;
  readonly offset: number;
}

/** Every other user note's statements about a fact, for disagreements. */
export interface Mention {
  readonly file: string;
  readonly line: number;
  readonly quantity: FoundQuantity;
  readonly qualifier?: string;
}

const NEAR = 32;
const QUALIFIERS: readonly [RegExp, 'min' | 'max' | 'default'][] = [
  [/\b(max|maximum|up to|at most|no more than|limit)\b/i, 'max'],
  [/\b(default|by default|defaults)\b/i, 'default'],
  [/\b(min|minimum|at least)\b/i, 'min'],
];

/** Splits text into statements: lines, and sentences within long lines. */
export function statementsOf(text: string): Statement[] {
  const statements: Statement[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    let start = 0;
    const sentence = /[.!?](\s+)(?=[A-Z])/g;
    for (let match = sentence.exec(line); match; match = sentence.exec(line)) {
      statements.push({ text: line.slice(start, match.index + 1), offset: offset + start });
      start = match.index + 1 + match[1]!.length;
    }
    statements.push({ text: line.slice(start), offset: offset + start });
    offset += line.length + 1;
  }
  return statements.filter((s) => /\d/.test(s.text));
}

function wordsPattern(words: readonly string[]): RegExp {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\w])(${escaped.join('|')})(?![\\w])`, 'gi');
}

const patternCache = new Map<string, RegExp>();
function groupPattern(words: readonly string[]): RegExp {
  const key = words.join('\u0000');
  let pattern = patternCache.get(key);
  if (!pattern) {
    pattern = wordsPattern(words);
    patternCache.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** The quantities of a statement that are about the fact: of its kind, next to the property's words. */
export function quantitiesAbout(statement: string, fact: Fact): FoundQuantity[] | undefined {
  if (fact.keywords.length === 0) return undefined;
  for (const group of fact.keywords) if (!groupPattern(group).test(statement)) return undefined;
  if (fact.kind === 'count') return countsAbout(statement, fact);
  const property = fact.keywords[fact.keywords.length - 1]!;
  const anchors = [...statement.matchAll(groupPattern(property))].map((m) => m.index!);
  return findQuantities(statement).filter((q) => q.kind === fact.kind && anchors.some((a) => Math.abs(a - q.offset) <= NEAR));
}

// Keyword-group words that qualify a number rather than name what is counted.
const NOT_NOUNS = new Set([
  'max',
  'maximum',
  'min',
  'minimum',
  'most',
  'least',
  'up',
  'limit',
  'limits',
  'quota',
  'quotas',
  'default',
  'defaults',
  'per',
  'from',
  'between',
  'range',
  'exceed',
  'exceeds',
  'allowed',
  'increase',
  'increased',
  'adjustable',
  'hard',
  'soft',
]);

/**
 * Counts carry no unit, so they are judged only when the number names what it counts (a noun of
 * the fact right after it) and says what kind of number it is (max, default, at least… just
 * before it): "up to 5 layers" is about the layer quota, "I built 2 layers" is not.
 */
function countsAbout(statement: string, fact: Fact): FoundQuantity[] {
  const nouns = fact.keywords.flat().filter((word) => !NOT_NOUNS.has(word.toLowerCase()) && !/\s/.test(word));
  return findCounts(statement, nouns).filter((count) => qualifierBefore(statement, count) !== undefined);
}

function qualifierBefore(statement: string, quantity: FoundQuantity): 'min' | 'max' | 'default' | undefined {
  const before = statement.slice(Math.max(0, quantity.offset - 16), quantity.offset);
  let best: { at: number; qualifier: 'min' | 'max' | 'default' } | undefined;
  for (const [pattern, qualifier] of QUALIFIERS) {
    const global = new RegExp(pattern.source, 'gi');
    for (const match of before.matchAll(global)) if (!best || match.index! > best.at) best = { at: match.index!, qualifier };
  }
  return best?.qualifier;
}

/**
 * The qualifier that governs one number: the closest qualifier word in the few characters
 * before it ("Default 30s, Min 0s, Max 12h" gives each number its own), else the statement's
 * only qualifier, else none.
 */
function qualifierNear(statement: string, quantity: FoundQuantity): 'min' | 'max' | 'default' | undefined {
  const before = qualifierBefore(statement, quantity);
  if (before) return before;
  const all = QUALIFIERS.filter(([pattern]) => pattern.test(statement));
  return all.length === 1 ? all[0]![1] : undefined;
}

function allowed(fact: Fact, quantity: FoundQuantity): boolean {
  return fact.quantities.some((q) => {
    const info = unitInfo(q.unit);
    return info !== undefined && info.kind === quantity.kind && Math.abs(q.value * info.factor - quantity.base) <= Math.max(1e-9, quantity.base * 0.001);
  });
}

function describeFact(fact: Fact): string {
  return fact.statement.replace(/\.$/, '');
}

export function lintStatements(
  statements: readonly Statement[],
  facts: readonly Fact[],
  mentionsOf: (fact: Fact) => readonly Mention[] = () => [],
): NoteProblem[] {
  const problems: NoteProblem[] = [];
  for (const statement of statements) {
    for (const fact of facts) {
      const quantities = quantitiesAbout(statement.text, fact);
      if (!quantities || quantities.length === 0) continue;
      // One correct number in the statement means it may well be right: say nothing.
      if (quantities.some((q) => allowed(fact, q))) {
        checkDisagreement(statement, fact, quantities, mentionsOf(fact), problems);
        continue;
      }
      const sameKind = fact.quantities.filter((q) => unitInfo(q.unit)?.kind === fact.kind);
      for (const quantity of quantities) {
        const qualifier = qualifierNear(statement.text, quantity);
        // A count quota known only by its default is adjustable: "up to 50" may be a raised quota.
        if (quantity.kind === 'count' && qualifier && qualifier !== 'default' && !sameKind.some((q) => q.qualifier === qualifier)) continue;
        const intended = qualifier ? sameKind.filter((q) => q.qualifier === qualifier) : sameKind.length === 1 ? sameKind : [];
        const fix = intended.length === 1 ? intended[0]! : undefined;
        const text = fix ? formatQuantity(fix.value, fix.unit) : undefined;
        problems.push({
          kind: 'contradicts-fact',
          offset: statement.offset + quantity.offset,
          length: quantity.length,
          fact,
          message: `Your note says ${statement.text.slice(quantity.offset, quantity.offset + quantity.length)}, but ${describeFact(fact)}. (AWS Study Hints knowledge: ${fact.topic} › ${fact.section})`,
          // A count's fix rewrites the number and keeps the noun ("10 layers" → "5 layers").
          replacement: text
            ? quantity.kind === 'count'
              ? { offset: statement.offset + quantity.numberOffset, length: quantity.numberLength, text }
              : { offset: statement.offset + quantity.offset, length: quantity.length, text }
            : undefined,
        });
      }
    }
  }
  return problems;
}

function checkDisagreement(
  statement: Statement,
  fact: Fact,
  quantities: readonly FoundQuantity[],
  mentions: readonly Mention[],
  problems: NoteProblem[],
): void {
  // Only numbers that say what they are (default, max, min) can disagree with each other.
  const here = quantities.length === 1 ? quantities[0]! : undefined;
  const qualifier = here ? qualifierNear(statement.text, here) : undefined;
  if (!here || !qualifier) return;
  // A fact with several values for one qualifier (minimum durations of several storage classes)
  // cannot tell which one a note means: two notes with different values may both be right.
  if (fact.quantities.filter((q) => q.qualifier === qualifier).length !== 1) return;
  for (const mention of mentions) {
    if (mention.qualifier !== qualifier) continue;
    if (Math.abs(mention.quantity.base - here.base) <= here.base * 0.001) continue;
    problems.push({
      kind: 'notes-disagree',
      offset: statement.offset + here.offset,
      length: here.length,
      fact,
      message: `Your notes disagree: ${formatQuantity(here.value, here.unit)} here, ${formatQuantity(mention.quantity.value, mention.quantity.unit)} in ${mention.file} (line ${mention.line + 1}). ${describeFact(fact)}.`,
    });
    return;
  }
}

/** The mentions of each fact across a set of note texts, for disagreements between files. */
export function collectMentions(notes: readonly { file: string; text: string }[], facts: readonly Fact[]): Map<string, Mention[]> {
  const mentions = new Map<string, Mention[]>();
  for (const note of notes) {
    const lineStarts = [0];
    for (let i = 0; i < note.text.length; i++) if (note.text[i] === '\n') lineStarts.push(i + 1);
    for (const statement of statementsOf(note.text)) {
      for (const fact of facts) {
        const quantities = quantitiesAbout(statement.text, fact);
        if (!quantities?.length) continue;
        let line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= statement.offset) line++;
        const list = mentions.get(fact.id) ?? [];
        if (quantities.length !== 1) continue;
        list.push({ file: note.file, line, quantity: quantities[0]!, qualifier: qualifierNear(statement.text, quantities[0]!) });
        mentions.set(fact.id, list);
      }
    }
  }
  return mentions;
}
