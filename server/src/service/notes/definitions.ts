import { ruleDefiner, type RuleDefinition } from '../common/findings';

/** Rules of the notes lint (see docs/rules.md). */

const define = ruleDefiner('notes');

export const NOTES_RULES = {
  contradictsFact: define(
    'NOTE001',
    'contradicts-fact',
    'warning',
    'A number in your notes contradicts a curated fact (a limit, default, size or retention period).',
  ),
  notesDisagree: define('NOTE002', 'notes-disagree', 'information', 'Two of your notes state different values for the same fact.'),
  outdatedFact: define(
    'NOTE003',
    'outdated-fact',
    'information',
    'A number in your notes was right once but has changed; the finding says until when, and the value now.',
  ),
  misconception: define(
    'NOTE004',
    'misconception',
    'warning',
    'A statement reads like a common misconception; the finding gives the correct statement and its source.',
  ),
  tooManyProblems: define('NOTE099', 'too-many-problems', 'information', 'Only the first problems of a very large note are shown (awsStudyHints.maxProblems).'),
} satisfies Record<string, RuleDefinition>;

export const NOTES_RULE_LIST: readonly RuleDefinition[] = Object.values(NOTES_RULES);
