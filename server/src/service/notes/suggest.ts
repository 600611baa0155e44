import { distance } from 'fastest-levenshtein';
import { processTerm, tokenize } from './tokenize';

/**
 * "Did you mean …?" for a search that found nothing: every word of the query that is not a term
 * of the index is replaced by the nearest terms of the index's vocabulary (edit distance, then how
 * many sections use the term), and only the corrected queries that find something are offered.
 * The index itself already forgives one or two typos in long words; this catches the rest
 * (three typos, short words, actions such as `s3:GetObjekt`).
 */

export interface VocabularyTerm {
  /** The word as the notes write it (lower case), offered in place of the typed word. */
  readonly display: string;
  /** How many sections use it: the commoner term wins a tie. */
  readonly sections: number;
}

/** term (as the index processes it) → how the notes write it and how often. */
export type Vocabulary = ReadonlyMap<string, VocabularyTerm>;

/** Terms worth suggesting: not numbers, paths, URLs or one-letter leftovers. */
function suggestible(term: string): boolean {
  return term.length >= 2 && term.length <= 40 && !/^[\d.,:_-]+$/.test(term) && !term.includes('/') && !term.includes('$');
}

/** The vocabulary of some sections' texts, each term counted once per section. */
export function vocabularyOf(texts: Iterable<string>): Map<string, { display: string; sections: number }> {
  const terms = new Map<string, { display: string; sections: number }>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const token of tokenize(text)) {
      const term = processTerm(token);
      if (!term || !suggestible(term)) continue;
      // Words in lower case ("Kinesis" → kinesis); names as the notes write them (PassRole, s3:GetObject, SQS).
      const display = /^[A-Z]?[a-z0-9]*$/.test(token) ? token.toLowerCase() : token;
      const known = terms.get(term);
      if (!known) terms.set(term, { display, sections: 1 });
      else {
        if (!seen.has(term)) known.sections++;
        // Prefer the spelling that is the term itself (the singular, as the index keeps it).
        if (display.toLowerCase() === term && known.display.toLowerCase() !== term) known.display = display;
      }
      seen.add(term);
    }
  }
  return terms;
}

/** Adds one vocabulary into another (the files' vocabularies into the index's). */
export function mergeVocabulary(into: Map<string, { display: string; sections: number }>, from: Vocabulary): void {
  for (const [term, entry] of from) {
    const known = into.get(term);
    if (known) known.sections += entry.sections;
    else into.set(term, { ...entry });
  }
}

/**
 * How far a suggestion may be from the typed word: beyond what the search forgives by itself,
 * yet never so far that any word would do (about a third of the word). Identifiers such as
 * `s3:GetObject` allow less: two letters more would make another action (`s3:PutObject`).
 */
export function maxSuggestionDistance(word: string): number {
  const length = word.length;
  const max = length <= 3 ? 1 : length <= 5 ? 2 : length <= 8 ? 3 : 4;
  return /[:_\-.]/.test(word) ? Math.min(max, 2) : max;
}

interface Candidate {
  readonly display: string;
  readonly distance: number;
  readonly prefix: number;
  readonly lengthGap: number;
  readonly sections: number;
}

/** Edit distance where two swapped neighbours ("shrad" for "shard") count as one typo, as people make them. */
export function typoDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 1 : d;
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * The nearest terms to a typed word, those as near as the best one: by typos (to the term or to how the
 * notes write it, so that the index's plural folding cannot push "Kynesys" away from "kinesis"),
 * then by the letters they start with in common (people mistype the middle of a word more than
 * its start), then by how close their length is, then by how many sections use them.
 */
export function nearestTerms(word: string, vocabulary: Vocabulary, limit = 3): string[] {
  const typed = word.toLowerCase();
  const term = processTerm(word) ?? typed;
  const max = maxSuggestionDistance(typed);
  const scored: Candidate[] = [];
  for (const [candidate, entry] of vocabulary) {
    if (Math.abs(candidate.length - term.length) > max && Math.abs(entry.display.length - typed.length) > max) continue;
    const shown = entry.display.toLowerCase();
    const d = typed === term && shown === candidate ? typoDistance(term, candidate) : Math.min(typoDistance(term, candidate), typoDistance(typed, shown));
    if (d === 0 || d > max) continue;
    scored.push({
      display: entry.display,
      distance: d,
      prefix: commonPrefix(typed, shown),
      lengthGap: Math.abs(shown.length - typed.length),
      sections: entry.sections,
    });
  }
  scored.sort(
    (a, b) =>
      a.distance - b.distance ||
      b.prefix - a.prefix ||
      a.lengthGap - b.lengthGap ||
      b.sections - a.sections ||
      (a.display < b.display ? -1 : a.display > b.display ? 1 : 0),
  );
  // Only terms as good as the best: "kinesis" for Kynesys, not also "key" one letter further.
  const best = scored[0];
  return scored
    .filter((s) => s.distance === best?.distance && s.prefix === best.prefix)
    .slice(0, limit)
    .map((s) => s.display);
}

/**
 * What a typed word could have meant: itself when the index knows it (or it is a stop word),
 * else its nearest terms, else nothing (the word is left out of the suggestion). An identifier
 * the notes do not write whole (`s3:GetObjekt`) is corrected part by part (`s3:GetObject`).
 */
function correctionsOf(word: string, vocabulary: Vocabulary, limit: number): string[] {
  const [whole, ...parts] = tokenize(word);
  const term = whole === undefined ? null : processTerm(whole);
  if (term === null || vocabulary.has(term)) return [word];
  const nearest = nearestTerms(whole!, vocabulary, limit);
  if (nearest.length > 0 || parts.length === 0) return nearest;
  let corrected = whole!;
  for (const part of parts) {
    const partTerm = processTerm(part);
    if (partTerm === null || vocabulary.has(partTerm)) continue;
    const [best] = nearestTerms(part, vocabulary, 1);
    if (!best) return [];
    corrected = corrected.replace(part, best);
  }
  return corrected === whole ? [] : [corrected];
}

/**
 * Corrected queries for a query that found nothing, best first, each checked with `finds`
 * (the same search, so a suggestion never leads to another empty list).
 */
export function didYouMean(query: string, vocabulary: Vocabulary, finds: (query: string) => boolean, limit = 3): string[] {
  const words = query.split(/\s+/).filter(Boolean);
  const options = words.map((word) => correctionsOf(word, vocabulary, limit)).filter((o) => o.length > 0);
  if (options.every((o) => o.length === 1 && words.includes(o[0]!))) return [];
  const suggestions: string[] = [];
  // The i-th suggestion takes each word's i-th nearest term (or its best one when it has fewer).
  const widest = Math.max(...options.map((o) => o.length));
  for (let i = 0; i < widest && suggestions.length < limit; i++) {
    const candidate = options.map((o) => o[Math.min(i, o.length - 1)]).join(' ');
    if (!suggestions.includes(candidate) && finds(candidate)) suggestions.push(candidate);
  }
  return suggestions;
}
