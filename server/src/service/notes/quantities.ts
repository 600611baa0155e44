/**
 * Numbers with units as people write them in notes — "14 days", "256 KB", "3GB", "15min",
 * "1,024 MiB", "16k IOPS", "99.99%", "3,500 PUT/s", "1-14 days", "from 1 min to 14 days" —
 * normalised to a base unit so that any two ways of writing a value compare equal.
 */

export type QuantityKind = 'duration' | 'size' | 'count' | 'percent' | 'iops' | 'iopsPerGib' | 'throughput' | 'rate' | 'vcpu';

export interface FoundQuantity {
  readonly value: number;
  readonly unit: string;
  readonly kind: QuantityKind;
  /** In seconds, bytes (binary multiples), items, percent, IOPS, bytes per second, per second or vCPUs. */
  readonly base: number;
  readonly offset: number;
  readonly length: number;
  /** Offset and length of the number alone, for a fix that rewrites it. */
  readonly numberOffset: number;
  readonly numberLength: number;
  /** The first or the last number of a range ("1-14 days": 1 is the start, 14 the end). */
  readonly rangeRole?: 'start' | 'end';
}

interface UnitInfo {
  readonly kind: QuantityKind;
  readonly factor: number;
  readonly canonical: string;
  /** Decimal factor, for sizes written in SI units (1 MB = 1,000,000 bytes in some documents). */
  readonly decimalFactor?: number;
}

const K = 1024;
const UNITS: Readonly<Record<string, UnitInfo>> = {
  ms: { kind: 'duration', factor: 0.001, canonical: 'ms' },
  millisecond: { kind: 'duration', factor: 0.001, canonical: 'ms' },
  s: { kind: 'duration', factor: 1, canonical: 'seconds' },
  sec: { kind: 'duration', factor: 1, canonical: 'seconds' },
  second: { kind: 'duration', factor: 1, canonical: 'seconds' },
  m: { kind: 'duration', factor: 60, canonical: 'minutes' },
  min: { kind: 'duration', factor: 60, canonical: 'minutes' },
  minute: { kind: 'duration', factor: 60, canonical: 'minutes' },
  h: { kind: 'duration', factor: 3600, canonical: 'hours' },
  hr: { kind: 'duration', factor: 3600, canonical: 'hours' },
  hour: { kind: 'duration', factor: 3600, canonical: 'hours' },
  d: { kind: 'duration', factor: 86_400, canonical: 'days' },
  day: { kind: 'duration', factor: 86_400, canonical: 'days' },
  week: { kind: 'duration', factor: 604_800, canonical: 'weeks' },
  month: { kind: 'duration', factor: 2_629_800, canonical: 'months' },
  year: { kind: 'duration', factor: 31_536_000, canonical: 'years' },
  yr: { kind: 'duration', factor: 31_536_000, canonical: 'years' },
  byte: { kind: 'size', factor: 1, canonical: 'bytes' },
  b: { kind: 'size', factor: 1, canonical: 'bytes' },
  kb: { kind: 'size', factor: K, decimalFactor: 1e3, canonical: 'KB' },
  kib: { kind: 'size', factor: K, canonical: 'KiB' },
  mb: { kind: 'size', factor: K ** 2, decimalFactor: 1e6, canonical: 'MB' },
  mib: { kind: 'size', factor: K ** 2, canonical: 'MiB' },
  gb: { kind: 'size', factor: K ** 3, decimalFactor: 1e9, canonical: 'GB' },
  gib: { kind: 'size', factor: K ** 3, canonical: 'GiB' },
  tb: { kind: 'size', factor: K ** 4, decimalFactor: 1e12, canonical: 'TB' },
  tib: { kind: 'size', factor: K ** 4, canonical: 'TiB' },
  pb: { kind: 'size', factor: K ** 5, decimalFactor: 1e15, canonical: 'PB' },
  pib: { kind: 'size', factor: K ** 5, canonical: 'PiB' },
  percent: { kind: 'percent', factor: 1, canonical: 'percent' },
  '%': { kind: 'percent', factor: 1, canonical: 'percent' },
  iops: { kind: 'iops', factor: 1, canonical: 'IOPS' },
  // EBS ratios ("3 IOPS/GB", "500 IOPS per GiB"): notes write GB for GiB here, so both are one unit.
  'iops/gib': { kind: 'iopsPerGib', factor: 1, canonical: 'IOPS/GiB' },
  'iops/gb': { kind: 'iopsPerGib', factor: 1, canonical: 'IOPS/GiB' },
  'kb/s': { kind: 'throughput', factor: K, decimalFactor: 1e3, canonical: 'KB/s' },
  'mb/s': { kind: 'throughput', factor: K ** 2, decimalFactor: 1e6, canonical: 'MB/s' },
  mbps: { kind: 'throughput', factor: K ** 2, decimalFactor: 1e6, canonical: 'MB/s' },
  'mib/s': { kind: 'throughput', factor: K ** 2, canonical: 'MiB/s' },
  mibps: { kind: 'throughput', factor: K ** 2, canonical: 'MiB/s' },
  'gb/s': { kind: 'throughput', factor: K ** 3, decimalFactor: 1e9, canonical: 'GB/s' },
  gbps: { kind: 'throughput', factor: K ** 3, decimalFactor: 1e9, canonical: 'GB/s' },
  'gib/s': { kind: 'throughput', factor: K ** 3, canonical: 'GiB/s' },
  // Network bandwidth is in bits: 10 Gbps is 1.25 GB/s.
  gbit: { kind: 'throughput', factor: 1e9 / 8, canonical: 'Gbps' },
  'requests/second': { kind: 'rate', factor: 1, canonical: 'requests per second' },
  'transactions/second': { kind: 'rate', factor: 1, canonical: 'transactions per second' },
  'messages/second': { kind: 'rate', factor: 1, canonical: 'messages per second' },
  vcpu: { kind: 'vcpu', factor: 1, canonical: 'vCPU' },
  // Facts give plain counts ("5 layers") the unit "count"; prose never writes it.
  count: { kind: 'count', factor: 1, canonical: 'count' },
};

/** How the facts name units (knowledge/facts), which may differ from how prose does. */
const FACT_UNITS: Readonly<Record<string, string>> = {
  seconds: 's',
  minutes: 'min',
  hours: 'h',
  days: 'd',
  years: 'year',
  bytes: 'byte',
  mbps: 'mbps',
  mibps: 'mibps',
  gbps: 'gbit',
  'requests per second': 'requests/second',
};

/** Units by their canonical names too ("transactions per second"), as found quantities carry them. */
const BY_CANONICAL = new Map(Object.values(UNITS).map((info) => [info.canonical.toLowerCase(), info]));

export function unitInfo(unit: string): UnitInfo | undefined {
  const lower = unit.toLowerCase();
  const mapped = FACT_UNITS[lower] ?? lower;
  return UNITS[mapped] ?? UNITS[mapped.replace(/s$/, '')] ?? BY_CANONICAL.get(lower);
}

// A number: 1,024 / 1024 / 99.99 / 16k; not part of a word, a version (1.2.3) or an identifier.
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(k|K)?`;
const UNIT = String.raw`(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|months?|years?|yrs?|bytes?|[KMGTP]i?B(?:\/s|ps)?|[kmgtp]i?b(?:\/s|ps)?|Gbps|Gbit\/s|Gbits?|percent|%|IOPS|iops|vCPUs?|vcpus?)`;
const RATE = String.raw`(?:(?:[A-Z]+\/)*[A-Za-z]+\s)?(?:requests?|reqs?|transactions?|messages?|msgs?|calls?|operations?|ops|writes?|reads?)\s*(?:\/\s*s(?:ec(?:ond)?)?|per\s+sec(?:ond)?)\b|TPS|RPS`;
const QUANTITY = new RegExp(String.raw`(?<![\w.$/#-])${NUMBER}\s?(?:${UNIT}|(${RATE}))(?![\w])`, 'g');
const RANGE = new RegExp(
  String.raw`(?<![\w.$/#-])(?:(?:from|between)\s+)?${NUMBER}\s?(?:${UNIT})?\s*(?:-|–|—|to|and)\s*${NUMBER}\s?(?:${UNIT}|(${RATE}))(?![\w])`,
  'gi',
);
const SINGLE_LETTER = /^[shdmb]$/i;

function toNumber(digits: string, thousands: string | undefined): number {
  return Number(digits.replace(/,/g, '')) * (thousands ? 1000 : 1);
}

function rateOrUnit(unit: string | undefined, rate: string | undefined): UnitInfo | undefined {
  if (rate)
    return /transaction|TPS/i.test(rate) ? UNITS['transactions/second'] : /message|msg/i.test(rate) ? UNITS['messages/second'] : UNITS['requests/second'];
  if (!unit) return undefined;
  const lower = unit.toLowerCase();
  if (/^gbits?$|^gbit\/s$/.test(lower)) return UNITS.gbit;
  if (lower === 'gbps' && unit === 'Gbps') return UNITS.gbit;
  return UNITS[lower] ?? UNITS[lower.replace(/s$/, '')];
}

/** Every quantity with a unit in a text, ranges expanded ("1-14 days" gives 1 day and 14 days). */
export function findQuantities(text: string): FoundQuantity[] {
  const found: FoundQuantity[] = [];
  const covered: [number, number][] = [];
  const push = (q: FoundQuantity) => {
    if (covered.some(([start, end]) => q.offset >= start && q.offset < end)) return;
    found.push(q);
  };
  for (const match of text.matchAll(RANGE)) {
    const [whole, fromDigits, fromK, fromUnit, toDigits, toK, toUnit, rate] = match;
    const toInfo = rateOrUnit(toUnit, rate);
    if (!toInfo || !fromDigits || !toDigits) continue;
    if (toUnit && SINGLE_LETTER.test(toUnit) && /\s$/.test(whole.slice(0, whole.length - toUnit.length))) continue;
    const fromInfo = fromUnit ? rateOrUnit(fromUnit, undefined) : toInfo;
    if (!fromInfo || fromInfo.kind !== toInfo.kind) continue;
    const start = match.index!;
    const fromAt = start + whole.indexOf(fromDigits);
    const toAt = start + whole.lastIndexOf(toDigits);
    const fromValue = toNumber(fromDigits, fromK);
    const toValue = toNumber(toDigits, toK);
    if (fromValue * fromInfo.factor > toValue * toInfo.factor) continue; // "10-5" is not a range
    found.push({
      value: fromValue,
      unit: fromInfo.canonical,
      kind: fromInfo.kind,
      base: fromValue * fromInfo.factor,
      offset: fromAt,
      length:
        fromDigits.length +
        (fromK?.length ?? 0) +
        (fromUnit ? whole.indexOf(fromUnit, fromAt - start) - (fromAt - start) - fromDigits.length + fromUnit.length : 0),
      numberOffset: fromAt,
      numberLength: fromDigits.length + (fromK?.length ?? 0),
      rangeRole: 'start',
    });
    found.push({
      value: toValue,
      unit: toInfo.canonical,
      kind: toInfo.kind,
      base: toValue * toInfo.factor,
      offset: toAt,
      length: start + whole.length - toAt,
      numberOffset: toAt,
      numberLength: toDigits.length + (toK?.length ?? 0),
      rangeRole: 'end',
    });
    covered.push([start, start + whole.length]);
  }
  for (const match of text.matchAll(QUANTITY)) {
    const [whole, digits, thousands, unit, rate] = match;
    const info = rateOrUnit(unit, rate);
    if (!info || !digits) continue;
    // A one-letter unit only counts when glued to the number ("30s", "2h", "14d").
    if (unit && SINGLE_LETTER.test(unit) && /\s/.test(whole)) continue;
    // "5m" could be metres or million; minutes only when written "5 min".
    if (unit === 'm' || unit === 'M') continue;
    // "3 IOPS/GB" is a ratio of IOPS to size; "250 MB/s per TB" a ratio this lint does not judge.
    const per = /^\s*(?:\/|per\s)\s*(gi?b|ti?b|gb|tb|volume)\b/i.exec(text.slice(match.index! + whole.length));
    if (per && info.kind === 'iops' && /^gi?b$/i.test(per[1]!)) {
      const value = toNumber(digits, thousands);
      const ratio = UNITS['iops/gib']!;
      push({
        value,
        unit: ratio.canonical,
        kind: ratio.kind,
        base: value,
        offset: match.index!,
        length: whole.length + per[0].length,
        numberOffset: match.index!,
        numberLength: digits.length + (thousands?.length ?? 0),
      });
      continue;
    }
    if (per && (info.kind === 'iops' || info.kind === 'throughput')) continue;
    // "k" multiplies counts of requests or IOPS, not durations ("10ks" is nothing).
    if (thousands && info.kind !== 'iops' && info.kind !== 'rate' && info.kind !== 'count') continue;
    const value = toNumber(digits, thousands);
    push({
      value,
      unit: info.canonical,
      kind: info.kind,
      base: value * info.factor,
      offset: match.index!,
      length: whole.length,
      numberOffset: match.index!,
      numberLength: digits.length + (thousands?.length ?? 0),
    });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Whether two quantities of the same kind are the same value, allowing for binary/decimal size units. */
export function sameValue(a: { value: number; unit: string }, b: { value: number; unit: string }): boolean {
  const ia = unitInfo(a.unit);
  const ib = unitInfo(b.unit);
  if (!ia || !ib || ia.kind !== ib.kind) return false;
  // Percentages must match exactly (99.9% is not 99.99%); other numbers are rounded in notes
  // ("15 months" for 455 days, "~1 year" for 365 days).
  const tolerance = ia.kind === 'percent' ? 1e-9 : 0.01;
  const close = (x: number, y: number) => Math.abs(x - y) <= Math.max(1e-9, Math.abs(y) * tolerance);
  if (close(a.value * ia.factor, b.value * ib.factor)) return true;
  // "1 MB" for 1 MiB, "50 TB" for 50 TiB: people mix binary and decimal units.
  const decimalA = a.value * (ia.decimalFactor ?? ia.factor);
  const decimalB = b.value * (ib.decimalFactor ?? ib.factor);
  return close(decimalA, decimalB) || close(decimalA, b.value * ib.factor) || close(a.value * ia.factor, decimalB);
}

// A whole number (or "10k") that is not part of a decimal, a version, a range ("1-10"), a port or an identifier.
const COUNT = /(?<![\w.$/:#-]|\d,)(\d{1,3}(?:,\d{3})+|\d+)(k|K)?(?![\w%/:-]|[.,]\d)/g;

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
    const value = toNumber(match[1]!, match[2]);
    found.push({
      value,
      unit: 'count',
      kind: 'count',
      base: value,
      offset: match.index!,
      length: match[0].length + through,
      numberOffset: match.index!,
      numberLength: match[0].length,
    });
  }
  return found;
}

/** A quantity written the way a note would write it. */
export function formatQuantity(value: number, unit: string): string {
  const number = Number.isInteger(value) ? (value >= 10_000 ? value.toLocaleString('en-US') : String(value)) : String(Number(value.toFixed(2)));
  if (unit === 'count') return number;
  if (unit === 'percent') return `${number}%`;
  const singular: Record<string, string> = { seconds: 'second', minutes: 'minute', hours: 'hour', days: 'day', years: 'year', weeks: 'week', months: 'month' };
  return `${number} ${value === 1 && singular[unit] ? singular[unit] : unit}`;
}
