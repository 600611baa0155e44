import type { FoundQuantity } from './quantities';

/**
 * How notes say which value a number is — "max", "up to", "(soft limit)", a Limits heading — and
 * what makes a statement no claim at all (comparisons, estimates, history). The fact checker
 * reads numbers through these.
 */

export type Qualifier = 'min' | 'max' | 'default';

/** Whether a group of property words is just a qualifier ("max", "up to"…), and which. */
export function qualifierGroup(group: readonly string[]): Qualifier | 'other' {
  const words = new Set(group.map((w) => w.toLowerCase()));
  const any = (pattern: RegExp) => [...words].some((w) => pattern.test(w));
  if (any(/^(max|maximum)\b|^(up ?to|upto|largest|biggest|at most|size limit)$/)) return 'max';
  if (any(/^(min|minimum)\b|^(at least|smallest|lowest)$/)) return 'min';
  if (words.has('default') || words.has('defaults') || words.has('by default')) return 'default';
  return 'other';
}

/** Words that say which value a number is; checked in the few characters before it. */
const QUALIFIER_WORDS: readonly [RegExp, Qualifier][] = [
  [
    /\b(max|maximum|up ?to|upto|at most|no more than|limit|limited to|cap|capped at|largest|biggest|longest|highest|up until|expandable to|increased to|scales?(?: \w+)?(?: up)? to|extended to|raised to|extendable to|allows?( only| up to)?|supports?( up to)?|accepts?|can have( only)?( up to)?|can hold|can contain|limited to|limits you to|≤|<=)\b|≤|<=/gi,
    'max',
  ],
  [/\b(default|by default|defaults to|defaults)\b/gi, 'default'],
  [/\b(min|minimum|at least|smallest|shortest|lowest|≥|>=)\b|≥|>=/gi, 'min'],
];

/** A heading or parent bullet that lists limits: short bullets under it state maximums. */
export const LIMITS_HEADING = /(?<![a-z])(limits|quotas|hard limits|service limits|max values|maximums)(?![a-z])/;

/** A statement that compares is not a claim about one value. */
export const HEDGES =
  /(?<![a-z])(does not|doesn't|do not|don't|is not|isn't|are not|aren't|never|cannot|can't|similar to|like a|like the|same as|(?:cheaper|costlier|more expensive|better|worse|faster|slower) than|vs\.?|versus|compared|was|were|used to|previously|formerly|until 20\d\d|before 20\d\d|older|newer|legacy|longer work|billed|billing|pricing|charged|unlike|whereas|instead of|rather than|e\.g\.|for example|example:|such as|suppose|imagine|if you)(?![a-z])/;

/** Words right before a number that make it an estimate or a bound of something else. */
export function approximate(text: string, number: FoundQuantity): boolean {
  return /(about|around|approx\.?|approximately|roughly|nearly|almost|~|over|more than|less than|under|above|below|>|<|\+)\s*$/i.test(
    text.slice(Math.max(0, number.offset - 16), number.offset),
  );
}

/** Words of property groups that qualify a number rather than name what is counted. */
export const QUALIFIER_NOUNS = new Set([
  'max',
  'maximum',
  'min',
  'minimum',
  'most',
  'least',
  'up',
  'upto',
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
  'capped',
  'raised',
  'increased',
  'hard',
  'soft',
  'adjustable',
  'total',
]);

/** Lower case, straight apostrophes, single spaces: how notes and patterns are compared. */
export function normalise(text: string): string {
  // Every replacement keeps the length, so that offsets in the normalised text are offsets in the note.
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\t/g, ' ')
    .replace(/\bup until\b/g, 'up to   ');
}

export function qualifierBefore(text: string, offset: number): Qualifier | undefined {
  const before = text.slice(Math.max(0, offset - 40), offset);
  let best: { at: number; end: number; qualifier: Qualifier } | undefined;
  for (const [pattern, qualifier] of QUALIFIER_WORDS) {
    pattern.lastIndex = 0;
    for (const match of before.matchAll(pattern))
      if (!best || match.index! > best.at) best = { at: match.index!, end: match.index! + match[0].length, qualifier };
  }
  // "max 100 items / 16 MB": the qualifier belongs to the number right after it, not to the next one.
  if (best && /\d/.test(before.slice(best.end))) return undefined;
  return best?.qualifier;
}

/** A qualifier word right after a number: "256 KB max", "4 days (default)". */
export function qualifierAfter(text: string, number: FoundQuantity): Qualifier | undefined {
  const rest = text.slice(number.offset + number.length, number.offset + number.length + 48).toLowerCase();
  // "100 buckets per account (soft limit)": a parenthesis later in the same clause.
  const parenthesis = /^[^.;,\d()]{0,32}\((soft limit|default|by default|hard limit|max|maximum)\)/.exec(rest)?.[1];
  if (parenthesis) return parenthesis === 'soft limit' || parenthesis.includes('default') ? 'default' : 'max';
  const after = rest.slice(0, 14);
  if (/^\W{0,3}(max|maximum|limit|at most|tops|hard limit)\b/.test(after)) return 'max';
  if (/^\W{0,3}(default|by default|soft limit)\b/.test(after)) return 'default';
  if (/^\W{0,3}(min|minimum|at least)\b/.test(after)) return 'min';
  return undefined;
}

/** "16,000 IOPS and 1,000 MiB/s for an additional fee": what you can pay extra for is the ceiling, not the baseline. */
export function paidCeilingAfter(text: string, number: FoundQuantity): Qualifier | undefined {
  const rest = text.slice(number.offset + number.length, number.offset + number.length + 64).toLowerCase();
  return /^(?:\s*(?:and|&|or)\s+[\d,.]+k?\s*[\w/]+)?\W{0,3}for (?:an? )?(?:extra|additional) (?:cost|fee|charge)\b/.test(rest) ? 'max' : undefined;
}

/**
 * Where a comparison or estimate makes numbers no claim: the whole statement, except that one in
 * parentheses only hedges the numbers inside them ("up to 16,000 IOPS (faster than gp2's 250 MiB/s)").
 */
export function hedgesOf(lower: string): (offset: number) => boolean {
  const parentheses = [...lower.matchAll(/\([^()]*\)/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const outside = lower.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  const hedgedOutside = HEDGES.test(outside);
  return (offset) => {
    if (hedgedOutside) return true;
    const inside = parentheses.find(([start, end]) => offset >= start && offset < end);
    return inside !== undefined && HEDGES.test(lower.slice(inside[0], inside[1]));
  };
}

/** Words with a letter or digit: bullet markers, pipes and emphasis do not count. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[a-z0-9]/i.test(word)).length;
}
