import { ruleDefiner, type RuleDefinition } from '../common/findings';

/** Rules of the notes lint (see docs/rules.md). */

const define = ruleDefiner('notes');

export const NOTES_RULES = {
  contradictsFact: define(
    'NOTE001',
    'contradicts-fact',
    'warning',
    'A number in your notes contradicts a curated fact (a limit, default or retention period).',
  ),
  notesDisagree: define('NOTE002', 'notes-disagree', 'information', 'Two of your notes state different values for the same fact.'),
  tooManyProblems: define('NOTE099', 'too-many-problems', 'information', 'Only the first problems of a very large note are shown (awsStudyHints.maxProblems).'),
} satisfies Record<string, RuleDefinition>;

export const NOTES_RULE_LIST: readonly RuleDefinition[] = Object.values(NOTES_RULES);
