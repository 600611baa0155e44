import { plainText } from '../notes/clean';
import { findQuantities, type FoundQuantity } from '../notes/quantities';

/**
 * Candidate facts for questions, read from a section's lines as written: "term - definition"
 * bullets, bold or code spans to blank out, and numbers with units. Quality gates reject what
 * makes bad questions (explanations of wrong answers, links, leftovers of broken encodings,
 * context-free labels).
 */

export interface TermDefinition {
  readonly term: string;
  readonly definition: string;
  readonly line: number;
}
export interface Cloze {
  readonly sentence: string;
  readonly answer: string;
  readonly line: number;
}
export interface Numeric {
  readonly sentence: string;
  readonly quantity: FoundQuantity;
  readonly line: number;
}

const BULLET = /^\s*(?:>\s*)?(?:[-*+•]|\d+[.)])\s+|^\s*>\s*/;
const TERM_DEFINITION = /^(?:\*\*|__)?([A-Za-z0-9][^:*]{0,48}?)(?:\*\*|__)?\s*(?:\s[-–—]\s|:\s)\s*(.+)$/;
const REJECT = /incorrect because|is wrong because|https?:|\]\(|â|Ã|ðŸ|\|/i;
const GENERIC_TERMS = new Set([
  'note',
  'notes',
  'example',
  'examples',
  'e.g',
  'tip',
  'tips',
  'important',
  'basic',
  'detailed',
  'cost',
  'costs',
  'pros',
  'cons',
  'use case',
  'use cases',
  'usage',
  'why',
  'how',
  'what',
  'when',
  'where',
  'who',
  'result',
  'results',
  'answer',
  'question',
  'summary',
  'default',
  'defaults',
  'limit',
  'limits',
  'other',
  'others',
  'misc',
  'todo',
  'yes',
  'no',
  'benefit',
  'benefits',
  'features',
  'feature',
  'types',
  'type',
  'options',
  'option',
  'exam tip',
  'remember',
  'key point',
  'key points',
  'also',
  'warning',
  'definition',
  'source',
  'best practice',
  'best practices',
  'note that',
  'caution',
  'gotcha',
  'trap',
  'traps',
  'recap',
  'exam pattern',
  'exam patterns',
  'exam tips',
  'exam trap',
  'exam traps',
  'pattern',
  'patterns',
  'comparison',
]);

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function usableLine(line: string): boolean {
  return !REJECT.test(line) && line.trim().length > 0;
}

export function termDefinitions(raw: readonly string[], firstLine: number): TermDefinition[] {
  const found: TermDefinition[] = [];
  raw.forEach((line, i) => {
    if (!BULLET.test(line) || !usableLine(line)) return;
    const match = TERM_DEFINITION.exec(line.replace(BULLET, '').trim());
    if (!match) return;
    const term = plainText(match[1]!).replace(/[.:]$/, '').trim();
    const definition = plainText(match[2]!).trim();
    if (!term || words(term) > 5 || GENERIC_TERMS.has(term.toLowerCase())) return;
    // Labels that only make sense under their heading ("For ECS", "How it works") are not terms.
    if (/^(for|how|what|why|when|with|without|in|on|if|the|a|an|and|or|to|by)\b/i.test(term) || /\bit\b/i.test(term)) return;
    if (words(definition) < 4 || words(definition) > 45) return;
    // A single plain English word ("Basic", "Standard") needs its context to mean anything.
    if (words(term) === 1 && /^[A-Z]?[a-z]+$/.test(term) && term.length < 6) return;
    if (definition.toLowerCase().includes(term.toLowerCase())) return; // the answer would leak
    found.push({ term, definition, line: firstLine + i });
  });
  return found;
}

export function clozes(raw: readonly string[], firstLine: number, title: string): Cloze[] {
  const found: Cloze[] = [];
  raw.forEach((line, i) => {
    if (!usableLine(line) || /^\s*(```|#)/.test(line)) return;
    const spans = [...line.matchAll(/\*\*([^*]{1,60})\*\*|`([^`]{1,60})`/g)];
    for (const span of spans) {
      const answer = plainText(span[1] ?? span[2] ?? '').trim();
      if (!answer || words(answer) > 5 || answer.length < 2) continue;
      if (answer.toLowerCase() === title.toLowerCase()) continue;
      const sentence = plainText(line.replace(BULLET, ''));
      if (words(sentence) < 6) continue;
      const occurrences = sentence.split(answer).length - 1;
      if (occurrences !== 1) continue;
      found.push({ sentence: sentence.replace(answer, '_____'), answer, line: firstLine + i });
    }
  });
  return found;
}

export function numerics(raw: readonly string[], firstLine: number): Numeric[] {
  const found: Numeric[] = [];
  raw.forEach((line, i) => {
    if (!usableLine(line) || /^\s*```/.test(line)) return;
    const sentence = plainText(line.replace(BULLET, ''));
    if (words(sentence) < 5 || words(sentence) > 40) return;
    const quantities = findQuantities(sentence);
    if (quantities.length === 0) return;
    found.push({ sentence, quantity: quantities[0]!, line: firstLine + i });
  });
  return found;
}
