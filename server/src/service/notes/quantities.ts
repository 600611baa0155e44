/** Numbers with units in prose ("14 days", "256 KB", "15 min"), normalised for comparison. */

export type QuantityKind = 'duration' | 'size' | 'count';

export interface FoundQuantity {
  readonly value: number;
  readonly unit: string;
  readonly kind: QuantityKind;
  /** In seconds (duration), bytes (size) or items (count). */
  readonly base: number;
  readonly offset: number;
  readonly length: number;
  /** Offset and length of the number alone, for a fix that rewrites it. */
  readonly numberOffset: number;
  readonly numberLength: number;
}

const UNITS: Readonly<Record<string, { kind: QuantityKind; factor: number; canonical: string }>> = {
  ms: { kind: 'duration', factor: 0.001, canonical: 'milliseconds' },
  millisecond: { kind: 'duration', factor: 0.001, canonical: 'milliseconds' },
  s: { kind: 'duration', factor: 1, canonical: 'seconds' },
  sec: { kind: 'duration', factor: 1, canonical: 'seconds' },
  second: { kind: 'duration', factor: 1, canonical: 'seconds' },
  min: { kind: 'duration', factor: 60, canonical: 'minutes' },
  minute: { kind: 'duration', factor: 60, canonical: 'minutes' },
  h: { kind: 'duration', factor: 3600, canonical: 'hours' },
  hr: { kind: 'duration', factor: 3600, canonical: 'hours' },
  hour: { kind: 'duration', factor: 3600, canonical: 'hours' },
  day: { kind: 'duration', factor: 86_400, canonical: 'days' },
  week: { kind: 'duration', factor: 604_800, canonical: 'weeks' },
  year: { kind: 'duration', factor: 31_536_000, canonical: 'years' },
  byte: { kind: 'size', factor: 1, canonical: 'bytes' },
  b: { kind: 'size', factor: 1, canonical: 'bytes' },
  kb: { kind: 'size', factor: 1024, canonical: 'KB' },
  kib: { kind: 'size', factor: 1024, canonical: 'KB' },
  mb: { kind: 'size', factor: 1024 ** 2, canonical: 'MB' },
  mib: { kind: 'size', factor: 1024 ** 2, canonical: 'MB' },
  gb: { kind: 'size', factor: 1024 ** 3, canonical: 'GB' },
  gib: { kind: 'size', factor: 1024 ** 3, canonical: 'GB' },
  tb: { kind: 'size', factor: 1024 ** 4, canonical: 'TB' },
  tib: { kind: 'size', factor: 1024 ** 4, canonical: 'TB' },
  // Facts give plain counts ("5 layers") the unit "count"; prose never writes it, so PATTERN has no "count".
  count: { kind: 'count', factor: 1, canonical: 'count' },
};

const PATTERN =
  /(?<![\w.$])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|weeks?|years?|bytes?|[KMGT]i?B|[kmgt]b)(?![\w])/g;

export function unitInfo(unit: string): { kind: QuantityKind; factor: number; canonical: string } | undefined {
  const lower = unit.toLowerCase();
  return UNITS[lower] ?? UNITS[lower.replace(/s$/, '')];
}

export function findQuantities(text: string): FoundQuantity[] {
  const found: FoundQuantity[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const info = unitInfo(match[2]!);
    if (!info) continue;
    // A lone "s"/"h"/"b" unit only counts when written right after the number ("30s", "2h").
    if (/^[shb]$/i.test(match[2]!) && /\s/.test(match[0])) continue;
    const value = Number(match[1]!.replace(/,/g, ''));
    found.push({
      value,
      unit: info.canonical,
      kind: info.kind,
      base: value * info.factor,
      offset: match.index!,
      length: match[0].length,
      numberOffset: match.index!,
      numberLength: match[1]!.length,
    });
  }
  return found;
}

// A whole number that is not part of a decimal, a version, a range ("1-10"), a port or an identifier.
const COUNT = /(?<![\w.$/:#-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w%/:-]|[.,]\d)/g;

/**
 * Counts in prose: a whole number followed, at most one word later, by one of the nouns the
 * fact is about ("up to 5 layers", "max 10 basic selectors"). A bare number says too little.
 */
export function findCounts(text: string, nouns: readonly string[]): FoundQuantity[] {
  const found: FoundQuantity[] = [];
  const lowerNouns = nouns.map((n) => n.toLowerCase());
  for (const match of text.matchAll(COUNT)) {
    const after = text.slice(match.index! + match[0].length, match.index! + match[0].length + 48);
    const words = /^(\s+)([A-Za-z][\w-]*)(?:(\s+)([A-Za-z][\w-]*))?/.exec(after);
    if (!words) continue;
    const isNoun = (word: string | undefined) => word !== undefined && lowerNouns.includes(word.toLowerCase());
    // The range runs from the number through its noun: "5 layers", "10 basic selectors".
    const through = isNoun(words[2]) ? words[1]!.length + words[2]!.length : isNoun(words[4]) ? words[0].length : -1;
    if (through < 0) continue;
    const value = Number(match[1]!.replace(/,/g, ''));
    found.push({
      value,
      unit: 'count',
      kind: 'count',
      base: value,
      offset: match.index!,
      length: match[0].length + through,
      numberOffset: match.index!,
      numberLength: match[1]!.length,
    });
  }
  return found;
}

/** A quantity written the way a note would write it, in the given unit when it divides evenly. */
export function formatQuantity(value: number, unit: string): string {
  if (unit === 'count') return value >= 10_000 ? value.toLocaleString('en-US') : String(value);
  return `${Number.isInteger(value) ? value : Number(value.toFixed(2))} ${unit === 'seconds' && value === 1 ? 'second' : unit === 'minutes' && value === 1 ? 'minute' : unit === 'hours' && value === 1 ? 'hour' : unit === 'days' && value === 1 ? 'day' : unit}`;
}
