import { ruleTable, type RuleDefinition } from '../../common/findings';
import { define } from './docs';
import { EC2_RULES } from './ec2';
import { HOOK_RULES } from './hooks';
import { PLACEHOLDER_RULES } from './placeholders';
import { RESOURCE_RULES } from './resources';
import { SCHEMA_RULES } from './schema';
import { SYNTAX_RULES } from './syntax';
import { VERSION_RULES } from './version';

/** Every appspec rule, by the family module that defines and checks it (code → family). */

export const APPSPEC_RULE_FAMILIES = {
  syntax: SYNTAX_RULES,
  schema: SCHEMA_RULES,
  version: VERSION_RULES,
  hooks: HOOK_RULES,
  ec2: EC2_RULES,
  resources: RESOURCE_RULES,
  placeholders: PLACEHOLDER_RULES,
} as const;

/** Reported by the service when a document has more findings than awsStudyHints.maxProblems. */
export const TOO_MANY_PROBLEMS = define(
  'APS099',
  'too-many-problems',
  'information',
  'Only the first problems of a very large AppSpec are shown (awsStudyHints.maxProblems).',
);

export const APPSPEC_RULE_LIST: readonly RuleDefinition[] = ruleTable(APPSPEC_RULE_FAMILIES, TOO_MANY_PROBLEMS);
