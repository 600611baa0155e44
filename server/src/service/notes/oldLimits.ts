import type { About } from './statementShapes';
import type { LoadedFact } from './knowledge';
import { sameValue, unitInfo, type FoundQuantity } from './quantities';
import { LIMITS_HEADING, qualifierAfter, qualifierBefore, wordCount } from './qualifiers';

/**
 * Old limits written as if current: a number that is some property's old value where the note
 * does not say which property (a range recognised by its start), or where today's value of
 * another qualifier explains it ("/tmp max 512 MB"). The fact checker calls these when its own
 * reading finds nothing wrong.
 */

/** A history value matches loosely: "3 GB" is how people wrote the old 3,008 MB Lambda limit. */
export const HISTORY_TOLERANCE = 0.03;

/**
 * A range that names no property but is recognisable by its start: under a Lambda heading,
 * "from 128 MB to 3 GB" can only be the memory setting, because 128 MB is Lambda's minimum
 * memory and no other minimum. Then the end is that property's maximum, and when it is an old
 * maximum the note is outdated. Only old values are reported: an unknown end may be about
 * something else, an old maximum of the very property that starts at this minimum is not.
 */
export function outdatedRangeEnd(
  quantities: readonly FoundQuantity[],
  services: ReadonlySet<string>,
  factsByService: ReadonlyMap<string, readonly LoadedFact[]>,
  isOld: (number: FoundQuantity, fact: LoadedFact) => boolean,
): { number: FoundQuantity; fact: LoadedFact } | undefined {
  for (const [i, start] of quantities.entries()) {
    const end = quantities[i + 1];
    if (start.rangeRole !== 'start' || !end || end.rangeRole !== 'end') continue;
    const facts = [...services].flatMap((service) => factsByService.get(service) ?? []);
    const minimums = facts.filter((f) => f.qualifier === 'min' && f.kind === start.kind && sameValue(start, f));
    if (minimums.length !== 1) continue;
    const minimum = minimums[0]!;
    const property = (minimum.propertyWords[0] ?? []).join('|');
    const maximums = facts.filter((f) => f.qualifier === 'max' && f.kind === end.kind && (f.propertyWords[0] ?? []).join('|') === property);
    if (maximums.length !== 1) continue;
    const maximum = maximums[0]!;
    // Any current value of any fact of these services explains the end: nothing to say.
    if (facts.some((f) => f.kind === end.kind && f.quantities.some((q) => sameValue(end, q)))) continue;
    if (isOld(end, maximum)) return { number: end, fact: maximum };
  }
  return undefined;
}

/**
 * A number that equals one qualifier's value but is stated as another's, where it is that other
 * property's old value: "/tmp max size is 512 MB" (512 MB is the default now and was the maximum
 * until 2022). Judged only when the number's own words (or a Limits heading) give the qualifier.
 */
export function outdatedLimit(text: string, number: FoundQuantity, about: readonly About[], explainedBy: LoadedFact, context: string): LoadedFact | undefined {
  if (explainedBy.qualifier === 'exact' || number.rangeRole) return undefined;
  const own =
    qualifierBefore(text, number.offset) ?? qualifierAfter(text, number) ?? (LIMITS_HEADING.test(context) && wordCount(text) <= 8 ? 'max' : undefined);
  if (!own || own === explainedBy.qualifier) return undefined;
  const limits = about.filter(
    (a) =>
      a.fact.qualifier === own &&
      a.fact.kind === number.kind &&
      a.numbers.includes(number) &&
      (a.strict || a.missing.every((group) => group === own)) &&
      (a.fact.history ?? []).some((h) => sameValueWithin(number, h, HISTORY_TOLERANCE)),
  );
  return limits.length === 1 ? limits[0]!.fact : undefined;
}

export function sameValueWithin(number: FoundQuantity, value: { value: number; unit: string }, tolerance: number): boolean {
  if (sameValue(number, value)) return true;
  const a = unitInfo(number.unit);
  const b = unitInfo(value.unit);
  if (!a || !b || a.kind !== b.kind) return false;
  const x = number.value * a.factor;
  const y = value.value * b.factor;
  return Math.abs(x - y) <= Math.abs(y) * tolerance;
}
