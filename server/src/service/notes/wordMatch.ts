import { normalise } from './qualifiers';

/**
 * Finds the words of a fact (its service words, each group of its property words) in a note's
 * lower-case text as whole words: one compiled pattern per group, looked up by the group itself.
 */
export class WordMatcher {
  private readonly patterns = new Map<string, RegExp>();
  private readonly patternsByGroup = new WeakMap<readonly string[], RegExp>();

  has(text: string, words: readonly string[]): boolean {
    return this.matches(text, words).length > 0;
  }

  /** Offsets where any of the words occurs as a whole word (letters and digits on neither side). */
  matches(text: string, words: readonly string[]): number[] {
    if (words.length === 0) return [];
    const pattern = this.patternOf(words);
    pattern.lastIndex = 0;
    const found: number[] = [];
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push(match.index);
    return found;
  }

  /** One compiled pattern per group of words (the groups are the facts' own arrays, so this is a lookup). */
  private patternOf(words: readonly string[]): RegExp {
    let pattern = this.patternsByGroup.get(words);
    if (!pattern) {
      const key = words.join('\u0000');
      pattern = this.patterns.get(key);
      if (!pattern) {
        // "5-minute" and "5 minute" are the same words.
        // A word that starts or ends with punctuation ("/gb" in "IOPS/GB") needs no boundary on that side.
        const escaped = words.map((w) => {
          const word = normalise(w);
          const body = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]+/g, '[\\s-]+');
          return `${/^[a-z0-9]/.test(word) ? '(?<![a-z0-9])' : ''}${body}${/[a-z0-9]$/.test(word) ? '(?![a-z0-9])' : ''}`;
        });
        pattern = new RegExp(`(?:${escaped.join('|')})`, 'g');
        this.patterns.set(key, pattern);
      }
      this.patternsByGroup.set(words, pattern);
    }
    return pattern;
  }

  /** The spans of the words themselves: a number inside "5-minute metrics" is part of the property's name. */
  spans(text: string, words: readonly string[]): [number, number][] {
    if (words.length === 0) return [];
    const pattern = this.patternOf(words);
    pattern.lastIndex = 0;
    return [...text.matchAll(pattern)].map((m) => [m.index!, m.index! + m[0].length] as [number, number]);
  }
}

/**
 * "Retension period", "maxmimum size": a word of seven letters or more that is one letter off
 * (or two letters swapped) from a word of the facts, at the same length, is read as that word.
 * Same length keeps every offset in the note right; short words are left alone, where one
 * letter often makes another real word.
 */
export class TypoCorrector {
  private readonly byLength = new Map<number, string[]>();
  private readonly known = new Set<string>();
  private readonly cache = new Map<string, string>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      for (const word of normalise(phrase).split(/[^a-z]+/)) {
        if (word.length < 7 || this.known.has(word)) continue;
        this.known.add(word);
        this.byLength.set(word.length, [...(this.byLength.get(word.length) ?? []), word]);
      }
    }
  }

  correct(lower: string): string {
    return lower.replace(/[a-z]{7,}/g, (word) => {
      if (this.known.has(word)) return word;
      let fixed = this.cache.get(word);
      if (fixed === undefined) {
        const near = (this.byLength.get(word.length) ?? []).filter((candidate) => oneSlip(word, candidate));
        fixed = near.length === 1 ? near[0]! : word;
        if (this.cache.size > 20_000) this.cache.clear();
        this.cache.set(word, fixed);
      }
      return fixed;
    });
  }
}

/** One letter replaced, or two neighbours swapped. */
function oneSlip(a: string, b: string): boolean {
  let first = -1;
  let differences = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++differences > 2) return false;
    if (first < 0) first = i;
  }
  if (differences === 1) return true;
  return differences === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
}
