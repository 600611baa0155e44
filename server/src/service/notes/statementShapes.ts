import type { LoadedFact } from './knowledge';
import { sameValue, type FoundQuantity } from './quantities';
import { qualifierBefore, qualifierGroup, type Qualifier } from './qualifiers';
import type { WordMatcher } from './wordMatch';

/**
 * The shapes of statements the fact check reads beyond "service, property, number": subjects
 * joined by a slash, a long sentence under a label bullet, a property named only in an aside.
 * Each says which fact a number is about, or that it is about none; the fact check decides.
 */

export interface About {
  readonly fact: LoadedFact;
  readonly strict: boolean;
  readonly numbers: FoundQuantity[];
  /** The fact's word groups missing from the statement: a qualifier group's type, or "other". */
  readonly missing: readonly (Qualifier | 'other')[];
  /** Where each group of the fact's words matched (CONTEXT for a property named by a heading or parent bullet). */
  readonly groups: readonly (readonly number[])[];
  /** The property is named around the statement, not in it: only a number with its own qualifier can be judged. */
  readonly fromContext?: boolean;
  /** The parentheses the property is named in, when it is named only in an aside: it explains only numbers in them. */
  readonly aside?: readonly [number, number];
}

/** Stands for "matched in the headings or parent bullets" in About.groups. */
export const CONTEXT = -1;

/** The longest sentence (in words) a property named only by a label above it is judged in. */
export const LONG_UNDER_LABEL = 20;

/**
 * The fact a number fails among subjects joined by a slash ("gp2/gp3", "io1/io2"), each named
 * in the statement with every word of its property and the number's own qualifier: the
 * statement claims the number for each of them.
 */
export function jointClaimMiss(words: WordMatcher, lower: string, text: string, number: FoundQuantity, about: readonly About[]): LoadedFact | undefined {
  const qualifier = number.rangeRole === 'end' ? 'max' : qualifierBefore(text, number.offset);
  if (!qualifier) return undefined;
  const named = about.filter((a) => a.strict && !a.fromContext && a.fact.qualifier === qualifier && a.numbers.includes(number));
  if (named.length < 2) return undefined;
  const spans = named.map((a) => words.spans(lower, a.fact.propertyWords[0] ?? []));
  const joined = (i: number, j: number) => spans[i]!.some(([, end]) => spans[j]!.some(([start]) => /^\s*\/\s*$/.test(lower.slice(end, start))));
  const group = named.filter((_, i) => named.some((__, j) => i !== j && (joined(i, j) || joined(j, i))));
  const explains = (fact: LoadedFact) => fact.quantities.some((value) => sameValue(number, value));
  if (group.length < 2 || !group.some((a) => explains(a.fact))) return undefined;
  const failing = group.filter((a) => !explains(a.fact));
  return failing.length === 1 ? failing[0]!.fact : undefined;
}

/**
 * "* gp3: … Customers can scale up to 16,000 IOPS for a fee": a longer sentence under the label
 * that names the property may still state it, when the number carries its own qualifier, the
 * sentence names the property's other words itself (IOPS) and names no service of its own.
 */
export function speaksOfNothingElse(
  words: WordMatcher,
  serviceWords: ReadonlyMap<string, readonly string[]>,
  main: string,
  own: Qualifier | undefined,
  strict: readonly LoadedFact[],
  about: readonly About[],
): boolean {
  if (own === undefined) return false;
  if ([...serviceWords.values()].some((names) => words.has(main, names))) return false;
  return strict.every((fact) => {
    const groups = about.find((a) => a.fact === fact)!.groups;
    const others = fact.propertyWords.map((group, i) => i > 0 && qualifierGroup(group) === 'other');
    // At least one such word ("IOPS"), and every one of them, in the sentence itself.
    return others.some(Boolean) && others.every((other, i) => !other || groups[i]!.some((at) => at !== CONTEXT));
  });
}

/**
 * The parentheses that hold every match of a word group and a number of their own, when they all
 * sit in the same one: "(faster than gp2's 250 MiB/s)" is an aside about gp2, "(gp3)" a label.
 */
export function asideHolding(
  asides: readonly (readonly [number, number])[],
  matches: readonly number[],
  quantities: readonly FoundQuantity[],
): readonly [number, number] | undefined {
  if (matches.length === 0 || matches.includes(CONTEXT)) return undefined;
  const holder = asides.find(([start, end]) => matches[0]! >= start && matches[0]! < end);
  if (!holder || !matches.every((at) => at >= holder[0] && at < holder[1])) return undefined;
  return quantities.some((q) => q.offset >= holder[0] && q.offset < holder[1]) ? holder : undefined;
}
