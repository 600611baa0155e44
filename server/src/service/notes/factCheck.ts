import type { FactChange, LoadedFact } from './knowledge';
import { findCounts, findQuantities, sameValue, type FoundQuantity } from './quantities';
import { problemFor } from './factProblem';
import { TypoCorrector, WordMatcher } from './wordMatch';
import { HISTORY_TOLERANCE, outdatedLimit, outdatedRangeEnd, sameValueWithin } from './oldLimits';
import type { ContextStatement } from './statements';
import { type About, asideHolding, CONTEXT, jointClaimMiss, LONG_UNDER_LABEL, speaksOfNothingElse } from './statementShapes';
import {
  approximate,
  hedgesOf,
  paidCeilingAfter,
  wordCount,
  LIMITS_HEADING,
  normalise,
  QUALIFIER_NOUNS,
  qualifierAfter,
  qualifierBefore,
  qualifierGroup,
} from './qualifiers';

/**
 * Checks the numbers in a learner's notes against the curated facts. A statement is about a
 * fact when it names the property (a word of every group of `propertyWords`) next to a number of
 * the fact's kind, and the service is named in the statement, a heading above it or a parent
 * bullet. Every number that equals some value of the property (any qualifier, or another
 * correct form) is fine; a number left over is judged only when it can be pinned to one fact
 * (by its qualifier or its place in a range): an old value is *outdated*, anything else *wrong*.
 * When in doubt, say nothing — a false alarm costs more than a miss.
 */

export interface FactProblem {
  readonly kind: 'wrong' | 'outdated';
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  readonly fact: LoadedFact;
  /** Set for outdated values: the old value that matched. */
  readonly change?: FactChange;
  /** The correct value in the note's own words, when the fact the number means is certain. */
  readonly replacement?: { readonly offset: number; readonly length: number; readonly text: string };
}

interface ContextInfo {
  /** Facts whose property noun's first word appears around the statement. */
  readonly candidates: readonly LoadedFact[];
  /** Facts whose property noun the context names. */
  readonly named: ReadonlySet<LoadedFact>;
  /** Services the context names. */
  readonly services: ReadonlySet<string>;
}

/** Two numbers joined as a range ("128MB to 3GB", "1-14 days"). */
const RANGE_HINT = /\d[^\d]{0,12}(?:-|–|—|\bto\b|\band\b)\s*\d/i;

/** A number a statement states for a fact, right or wrong: what disagreements between notes compare. */
export interface FactMention {
  readonly fact: LoadedFact;
  readonly quantity: FoundQuantity;
  readonly statement: ContextStatement;
  readonly correct: boolean;
}

const NEAR = 48;
/** "Streams store 24 hours of data by default. Can be increased to 7 days": a qualified number may sit further from the property's words. */
const FAR = 96;

export class FactChecker {
  /** Facts by the first word of each phrase of their property's first group (the property noun). */
  private readonly index = new Map<string, LoadedFact[]>();
  private readonly words = new WordMatcher();
  private readonly typos: TypoCorrector;

  /** Facts whose property noun a context names; the same headings stand over many statements. */
  private readonly byContext = new Map<string, ContextInfo>();

  /** What a context (headings, parent bullets) says, computed once per distinct context. */
  private contextInfo(context: string): ContextInfo {
    let info = this.byContext.get(context);
    if (!info) {
      const candidates = new Set<LoadedFact>();
      for (const word of context.split(/[^a-z0-9-]+/)) for (const fact of this.index.get(word) ?? []) candidates.add(fact);
      const named = new Set([...candidates].filter((fact) => this.words.matches(context, fact.propertyWords[0] ?? []).length > 0));
      const services = new Set([...this.serviceWords].filter(([, words]) => this.words.has(context, words)).map(([service]) => service));
      info = { candidates: [...candidates], named, services };
      if (this.byContext.size > 5000) this.byContext.clear();
      this.byContext.set(context, info);
    }
    return info;
  }

  /** The words that name each service, for "this statement is about another service". */
  private readonly serviceWords = new Map<string, string[]>();

  /** Facts by service, for "does the other service named here have a property like this one". */
  private readonly factsByService = new Map<string, LoadedFact[]>();

  /**
   * Whether the statement names another service that has a property of this kind named here:
   * "CloudFront Functions … up to 2 MB" under a Lambda heading is about CloudFront, but
   * "message size up to 256 KB (or use S3 for larger payloads)" under SQS is still about SQS.
   */
  private namesAnotherService(lower: string, fact: LoadedFact): boolean {
    for (const [other, words] of this.serviceWords) {
      if (other === fact.service || !this.words.has(lower, words)) continue;
      if ((this.factsByService.get(other) ?? []).some((f) => f.kind === fact.kind && this.words.has(lower, f.propertyWords[0] ?? []))) return true;
    }
    return false;
  }

  constructor(facts: readonly LoadedFact[]) {
    this.typos = new TypoCorrector(facts.flatMap((fact) => [...fact.propertyWords.flat(), ...fact.serviceWords]));
    for (const fact of facts) {
      const words = this.serviceWords.get(fact.service) ?? [];
      for (const word of fact.serviceWords) if (!words.includes(word)) words.push(word);
      this.serviceWords.set(fact.service, words);
      this.factsByService.set(fact.service, [...(this.factsByService.get(fact.service) ?? []), fact]);
      const first = fact.propertyWords[0] ?? [];
      for (const phrase of first) {
        const word = phrase.toLowerCase().split(/\s+/)[0]!;
        const list = this.index.get(word) ?? [];
        if (!list.includes(fact)) list.push(fact);
        this.index.set(word, list);
      }
    }
  }

  check(statements: readonly ContextStatement[]): FactProblem[] {
    return this.analyse(statements).problems;
  }

  /** Problems, and every number pinned to one fact (for disagreements between notes). */
  analyse(statements: readonly ContextStatement[]): { problems: FactProblem[]; mentions: FactMention[] } {
    const problems: FactProblem[] = [];
    const mentions: FactMention[] = [];
    for (const statement of statements) {
      if (!/\d/.test(statement.text)) continue;
      const before = problems.length;
      this.checkStatement(statement, problems, mentions);
      if (problems.length === before) this.checkRangeSignature(statement, problems, mentions);
    }
    return { problems, mentions };
  }

  private checkStatement(statement: ContextStatement, problems: FactProblem[], mentions: FactMention[]): void {
    const lower = this.typos.correct(normalise(statement.text));
    const label = statement.label === undefined ? undefined : normalise(statement.label);
    const candidates = new Set<LoadedFact>();
    for (const word of lower.split(/[^a-z0-9-]+/)) for (const fact of this.index.get(word) ?? []) candidates.add(fact);
    // The property may be named by the heading or the parent bullet ("## Retention" over "- up to 15 days").
    const context = normalise(statement.context);
    const around = this.contextInfo(context);
    for (const fact of around.candidates) candidates.add(fact);
    if (candidates.size === 0) return;
    const quantities = findQuantities(statement.text);
    const asides = [...lower.matchAll(/\([^()]*\)/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
    // Facts whose property noun is here and whose service is named here or around. Each keeps the
    // numbers near any of its words; all of them can explain a number.
    const about: About[] = [];
    const services = new Set<string>();
    for (const fact of candidates) {
      const inStatement = this.words.matches(lower, fact.propertyWords[0] ?? []).length > 0;
      const inContext = !inStatement && around.named.has(fact);
      if (!inStatement && !inContext) continue;
      if (!around.services.has(fact.service) && !this.words.has(lower, fact.serviceWords)) continue;
      // A table row's first cell may hold a word group ("Max IOPS per volume"), though never an anchor for a number.
      const groups = fact.propertyWords.map((group, i) => {
        if (i === 0 && inContext) return [CONTEXT];
        const here = this.words.matches(lower, group);
        return here.length === 0 && label && this.words.has(label, group) ? [CONTEXT] : here;
      });
      const strict = groups.every((anchors) => anchors.length > 0);
      // Groups of qualifier words ("max", "up to"…) that are not here: a range end or a qualifier of the number may stand in.
      const missing = fact.propertyWords.filter((_, i) => groups[i]!.length === 0).map(qualifierGroup);
      if (strict && inStatement) services.add(fact.service);
      const anchors = groups.flat().filter((at) => at !== CONTEXT);
      // A property named only inside parentheses ("(gp2's max is 250 MiB/s)") owns only the numbers
      // in them when the heading names a rival of the same kind (gp3's maximum under "### gp3").
      const rival = inStatement && [...around.named].some((other) => other !== fact && other.kind === fact.kind);
      const aside = rival ? asideHolding(asides, groups[0]!, quantities) : undefined;
      const numbers = (fact.kind === 'count' ? this.counts(statement.text, fact) : quantities.filter((q) => q.kind === fact.kind)).filter(
        (q) =>
          (aside === undefined || (q.offset >= aside[0] && q.offset < aside[1])) &&
          (inContext || anchors.some((at) => Math.abs(at - q.offset) <= (qualifierBefore(statement.text, q.offset) ? FAR : NEAR))),
      );
      about.push({ fact, strict, numbers, missing, groups, fromContext: inContext, aside });
    }
    if (!about.some((a) => a.numbers.length > 0)) return;
    // Facts named earlier on the same line can explain a number here, though never own it.
    if (statement.lineBefore) {
      const before = normalise(statement.lineBefore);
      for (const word of before.split(/[^a-z0-9-]+/)) {
        for (const fact of this.index.get(word) ?? []) {
          if (about.some((a) => a.fact === fact) || this.words.matches(before, fact.propertyWords[0] ?? []).length === 0) continue;
          about.push({ fact, strict: false, numbers: [], missing: ['other'], groups: [] });
        }
      }
    }
    // Numbers that are part of a property's own words ("1-minute metrics", "Route 53") are names, not claims.
    const named = about.flatMap(({ fact }) => [...fact.propertyWords, fact.serviceWords].flatMap((group) => this.words.spans(lower, group)));
    const isName = (q: FoundQuantity) => named.some(([start, end]) => q.offset >= start && q.offset < end);
    const explains = (fact: LoadedFact, q: FoundQuantity) => fact.kind === q.kind && fact.quantities.some((value) => sameValue(q, value));
    // An unqualified number next to a right one is usually about something else ("10% first, 90% after").
    const siblingFacts = new Set(about.filter(({ fact, numbers }) => numbers.some((n) => explains(fact, n))).map(({ fact }) => fact));
    // Comparisons and approximations are not claims of a value: "cheaper than gp2", "about 2 GiB".
    const hedgedAt = hedgesOf(lower);
    const judged = new Set<number>();
    for (const { numbers } of about) {
      for (const number of numbers) {
        if (judged.has(number.offset) || isName(number)) continue;
        judged.add(number.offset);
        // Any value of any fact of this property explains the number: "128 MB to 10 GB" is two facts.
        const explained = about.find(({ fact, aside }) => explains(fact, number) && (!aside || (number.offset >= aside[0] && number.offset < aside[1])));
        // An old value of a property named here is evidence enough, qualifier or not ("Lambda adds 60 more instances per minute").
        const historic = about.filter(
          (a) => a.strict && !a.fromContext && a.numbers.includes(number) && (a.fact.history ?? []).some((h) => sameValueWithin(number, h, HISTORY_TOLERANCE)),
        );
        const fact =
          this.attribute(statement.text, number, about, siblingFacts, context, label, statement.column) ??
          (historic.length === 1 ? historic[0]!.fact : undefined);
        // "GP2/GP3: up to 16,000 IOPS" claims the number for both: right for gp2, outdated for gp3.
        const jointMiss = explained && !hedgedAt(number.offset) ? jointClaimMiss(this.words, lower, statement.text, number, about) : undefined;
        if (jointMiss) {
          mentions.push({ fact: jointMiss, quantity: number, statement, correct: false });
          // No quick-fix: the other subject keeps the number the note gives.
          problems.push({ ...problemFor(statement, number, jointMiss), replacement: undefined });
          continue;
        }
        if (explained) {
          // "/tmp max size is 512 MB": 512 MB is the default today, but as a maximum it is the old limit.
          const oldLimit = hedgedAt(number.offset) ? undefined : outdatedLimit(statement.text, number, about, explained.fact, context);
          if (oldLimit) {
            mentions.push({ fact: oldLimit, quantity: number, statement, correct: false });
            problems.push(problemFor(statement, number, oldLimit));
          } else if (fact === explained.fact) mentions.push({ fact, quantity: number, statement, correct: true });
          continue;
        }
        // "Lambda SQS batch up to 10k": with two services' properties in play, which one a leftover number means is a guess.
        if (!fact || services.size > 1 || hedgedAt(number.offset) || approximate(statement.text, number)) continue;
        // The fact's own value is already here ("up to 6 hours … retried for up to 5 minutes"): the other number is about something else.
        if (about.some((a) => a.fact === fact && a.numbers.some((n) => n !== number && sameValue(n, fact)))) continue;
        // "CloudFront Functions … up to 2 MB" under a Lambda heading: the statement is about another service.
        if (!this.words.has(lower, fact.serviceWords) && this.namesAnotherService(lower, fact)) continue;

        mentions.push({ fact, quantity: number, statement, correct: false });
        problems.push(problemFor(statement, number, fact));
      }
    }
  }

  /** "Lambda: from 128 MB to 3 GB": a range recognised by its start, with an old maximum at its end. */
  private checkRangeSignature(statement: ContextStatement, problems: FactProblem[], mentions: FactMention[]): void {
    // Most statements hold no range: a cheap test before reading the quantities.
    if (!RANGE_HINT.test(statement.text)) return;
    const lower = normalise(statement.text);
    const quantities = findQuantities(statement.text);
    if (!quantities.some((q) => q.rangeRole === 'start')) return;
    const hedged = hedgesOf(lower);
    // The services the heading or parent bullets name, unless the statement names others of its own.
    const own = new Set([...this.serviceWords].filter(([, words]) => this.words.has(lower, words)).map(([service]) => service));
    const services = own.size > 0 ? own : this.contextInfo(normalise(statement.context)).services;
    if (services.size !== 1) return;
    const found = outdatedRangeEnd(quantities, services, this.factsByService, (number, fact) =>
      (fact.history ?? []).some((h) => sameValueWithin(number, h, HISTORY_TOLERANCE)),
    );
    if (!found || hedged(found.number.offset)) return;
    mentions.push({ fact: found.fact, quantity: found.number, statement, correct: false });
    problems.push(problemFor(statement, found.number, found.fact));
  }

  /** The one fact a leftover number must be about, or undefined when that is not certain. */
  private attribute(
    text: string,
    number: FoundQuantity,
    about: readonly About[],
    siblingFacts: ReadonlySet<LoadedFact>,
    context = '',
    label?: string,
    column?: string,
  ): LoadedFact | undefined {
    const own =
      number.rangeRole === 'start'
        ? 'min'
        : number.rangeRole === 'end'
          ? 'max'
          : (qualifierBefore(text, number.offset) ?? paidCeilingAfter(text, number) ?? (label ? qualifierBefore(label, label.length) : undefined));
    // "* environment variables: 5 KB" under "Limits": the heading says these numbers are maximums.
    const qualifier = own ?? (LIMITS_HEADING.test(context) && wordCount(text) <= 8 ? 'max' : undefined);
    // Only facts that themselves see the number near their words can own it, and only when every
    // group of their words is here (a missing "max" group may be stood in for by the number's own qualifier).
    const strict = about
      .filter(
        (a) =>
          a.fact.kind === number.kind &&
          a.numbers.some((n) => n.offset === number.offset) &&
          (a.strict || (qualifier !== undefined && a.missing.every((group) => group === qualifier))),
      )
      .map((a) => a.fact);
    if (strict.length === 0) return undefined;
    // "99.99% availability & 99.999999999% durability": the property word right after a number is the one it states.
    const lower = normalise(text);
    const end = number.offset + number.length;
    const adjacent = strict.filter((fact) =>
      about
        .find((a) => a.fact === fact)!
        .groups.some(
          (matches, i) => qualifierGroup(fact.propertyWords[i]!) === 'other' && matches.some((at) => at >= end && /^[\s*_:]{0,3}$/.test(lower.slice(end, at))),
        ),
    );
    const fromContext = (fact: LoadedFact) => about.find((a) => a.fact === fact)?.fromContext === true;
    // A property named in the statement itself beats one named only by the heading above it.
    const named = strict.filter((fact) => !fromContext(fact));
    // In a table, the cell's column header ("io2") beats a heading that names several ("io1/io2").
    const inColumn = column === undefined ? [] : strict.filter((fact) => this.words.has(normalise(column), fact.propertyWords[0] ?? []));
    if (adjacent.length === 1) strict.splice(0, strict.length, ...adjacent);
    else if (named.length > 0) strict.splice(0, strict.length, ...named);
    else if (inColumn.length > 0) strict.splice(0, strict.length, ...inColumn);
    // …and a property named only by the heading is judged only in a short bullet ("- max 15 days"), not in a sentence with subjects of its own.
    if (strict.every(fromContext) && inColumn.length === 0) {
      // Parenthetical asides ("(faster than gp2's 250 MiB/s)") do not make a sentence about something else.
      const main = normalise(text).replace(/\([^()]*\)/g, ' ');
      if (wordCount(main) > (speaksOfNothingElse(this.words, this.serviceWords, main, own, strict, about) ? LONG_UNDER_LABEL : 10)) return undefined;
    }
    // Several facts could own it: the one with more of its own words here, outside the number itself,
    // is the one meant ("gp2 burst up to 30000 IOPS" is about bursting, not about gp2's maximum IOPS).
    const specificity = (fact: LoadedFact) => {
      const entry = about.find((a) => a.fact === fact)!;
      return entry.groups.filter(
        (matches, i) => qualifierGroup(fact.propertyWords[i]!) === 'other' && matches.some((at) => at < number.offset || at >= number.offset + number.length),
      ).length;
    };
    const best = (facts: LoadedFact[]) => {
      if (facts.length <= 1) return facts;
      const scores = facts.map(specificity);
      const top = Math.max(...scores);
      return facts.filter((_, i) => scores[i] === top);
    };
    if (qualifier) {
      const matching = best(strict.filter((f) => f.qualifier === qualifier));
      // A raised quota is not a wrong note: "up to 50" may be an increase of an adjustable default.
      if (matching.length === 0 && qualifier === 'max' && strict.some((f) => f.adjustable)) return undefined;
      return matching.length === 1 ? matching[0] : undefined;
    }
    // No qualifier next to the number: only a property with a single value can be judged, and not
    // when another number here is right ("10% first, 90% after" is about something else) — unless
    // the number's own property word follows it ("99.99% availability, 99.999999999% durability").
    if (adjacent.length === 1 ? siblingFacts.has(adjacent[0]!) : siblingFacts.size > 0) return undefined;
    // A limit or a default needs its qualifier next to the number ("max 15 min"); an exact
    // property (the 4 name servers of a hosted zone) does not.
    if (strict.length !== 1) return undefined;
    const fact = strict[0]!;
    if (fact.qualifier === 'exact') return fact;
    if (about.find((a) => a.fact === fact)?.fromContext) return undefined;
    // "SQS message size 512 KB max": the qualifier right after the number, and no other number of that kind.
    const sameKind = about.flatMap((a) => a.numbers).filter((n, i, all) => n.kind === number.kind && all.findIndex((m) => m.offset === n.offset) === i);
    const after = qualifierAfter(text, number);
    return sameKind.length === 1 && after === fact.qualifier && !(fact.qualifier === 'max' && fact.adjustable) ? fact : undefined;
  }

  /** Counts carry no unit: the number must name what it counts (a noun of the property right after it). */
  private counts(text: string, fact: LoadedFact): FoundQuantity[] {
    const nouns = fact.propertyWords.flat().filter((w) => !/[\s\d]/.test(w) && !QUALIFIER_NOUNS.has(w.toLowerCase()));
    // "1 RCU = 2 reads": a number that defines a unit is not a claim about the fact.
    const withUnits = findQuantities(text);
    return findCounts(text, nouns).filter(
      (count) => !/^\s*(=|is\b|equals\b)/.test(text.slice(count.offset + count.length)) && !withUnits.some((q) => q.offset === count.offset),
    );
  }
}
