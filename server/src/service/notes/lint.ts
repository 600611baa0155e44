import type { FactMention } from './factCheck';
import { formatQuantity, sameValue } from './quantities';

/**
 * Notes that disagree with each other: a statement that gives a fact's right value while another
 * of the learner's notes gives a different one for the same fact. (The other note is flagged
 * there as wrong or outdated; this says where the two meet.)
 */

export interface Disagreement {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/** `others` are the mentions in the learner's other notes, with the file and line they are in. */
export function disagreements(here: readonly FactMention[], others: readonly (FactMention & { readonly file: string })[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (const mention of here) {
    if (!mention.correct) continue;
    // Only a value the other note gets wrong (and is flagged there for): two right values of one property never disagree.
    const other = others.find((o) => !o.correct && o.fact.id === mention.fact.id && !sameValue(o.quantity, mention.quantity));
    if (!other) continue;
    found.push({
      offset: mention.statement.offset + mention.quantity.offset,
      length: mention.quantity.length,
      message: `Your notes disagree: ${formatQuantity(mention.quantity.value, mention.quantity.unit)} here, ${formatQuantity(other.quantity.value, other.quantity.unit)} in ${other.file} (line ${other.statement.line + 1}), which is flagged there. ${mention.fact.statement}`,
    });
  }
  return found;
}
