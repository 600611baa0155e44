import type { RuleDefinition } from '../common/findings';

/** Rules of the notes lint (see docs/rules.md). */
export const NOTES_RULES = {
  contradictsFact: {
    code: 'NOTE001', name: 'contradicts-fact', severity: 'warning',
    summary: 'A number in your notes contradicts a curated fact (a limit, default or retention period).',
  },
  notesDisagree: {
    code: 'NOTE002', name: 'notes-disagree', severity: 'information',
    summary: 'Two of your notes state different values for the same fact.',
  },
} satisfies Record<string, RuleDefinition>;

export const NOTES_RULE_LIST: readonly RuleDefinition[] = Object.values(NOTES_RULES);
