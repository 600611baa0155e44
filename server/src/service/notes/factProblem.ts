import type { FactProblem } from './factCheck';
import type { LoadedFact } from './knowledge';
import { HISTORY_TOLERANCE, sameValueWithin } from './oldLimits';
import { formatQuantity, unitInfo, type FoundQuantity } from './quantities';
import type { ContextStatement } from './statements';

/** How a wrong or outdated number is reported: the message with the value now and its source, and the fix in the note's own unit. */

export function problemFor(statement: ContextStatement, number: FoundQuantity, fact: LoadedFact): FactProblem {
  const said = statement.text.slice(number.offset, number.offset + number.length).trim();
  const now = formatQuantity(fact.value, fact.unit);
  const change = (fact.history ?? []).find((h) => sameValueWithin(number, h, HISTORY_TOLERANCE));
  const offset = statement.offset + number.offset;
  const replacementText = replacementFor(number, fact);
  const replacement = replacementText
    ? number.kind === 'count' || number.rangeRole === 'start'
      ? { offset: statement.offset + number.numberOffset, length: number.numberLength, text: replacementText.number }
      : { offset, length: number.length, text: replacementText.full }
    : undefined;
  if (change) {
    return {
      kind: 'outdated',
      offset,
      length: number.length,
      fact,
      change,
      replacement,
      message: `Outdated: ${said} was the ${fact.property} of ${fact.topic} until ${change.until}; it is now ${now}. ${fact.statement} (Source: ${fact.source})`,
    };
  }
  return {
    kind: 'wrong',
    offset,
    length: number.length,
    fact,
    replacement,
    message: `Your note says ${said}, but the ${fact.property} of ${fact.topic} is ${now}. ${fact.statement} (Source: ${fact.source})`,
  };
}

/** The fact's value written in the note's unit when it converts evenly, else in the fact's own unit. */
function replacementFor(number: FoundQuantity, fact: LoadedFact): { number: string; full: string } | undefined {
  const factInfo = unitInfo(fact.unit);
  const noteInfo = unitInfo(number.unit);
  if (!factInfo || !noteInfo || factInfo.kind !== noteInfo.kind) return undefined;
  const inNoteUnit = (fact.value * factInfo.factor) / noteInfo.factor;
  if (number.kind === 'count') return { number: formatQuantity(fact.value, 'count'), full: formatQuantity(fact.value, 'count') };
  if (Number.isInteger(inNoteUnit) || Number.isInteger(Math.round(inNoteUnit * 100) / 100)) {
    const value = Number.isInteger(inNoteUnit) ? inNoteUnit : Math.round(inNoteUnit * 100) / 100;
    return { number: String(value), full: formatQuantity(value, number.unit) };
  }
  return { number: String(fact.value), full: formatQuantity(fact.value, fact.unit) };
}
