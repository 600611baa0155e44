import { ruleTable, type RuleDefinition } from '../../common/findings';
import { define } from './docs';
import { BATCH_RULES } from './batch';
import { COMMAND_RULES } from './commands';
import { ENV_RULES } from './env';
import { LIMIT_RULES } from './limits';
import { RUNTIME_RULES } from './runtimes';
import { SCHEMA_RULES } from './schema';
import { SYNTAX_RULES } from './syntax';
import { VERSION_RULES } from './version';

/** Every buildspec rule, by the family module that defines and checks it (code → family). */

export const BUILDSPEC_RULE_FAMILIES = {
  syntax: SYNTAX_RULES,
  schema: SCHEMA_RULES,
  version: VERSION_RULES,
  runtimes: RUNTIME_RULES,
  env: ENV_RULES,
  limits: LIMIT_RULES,
  batch: BATCH_RULES,
  commands: COMMAND_RULES,
} as const;

/** Reported by the service when a document has more findings than awsStudyHints.maxProblems. */
export const TOO_MANY_PROBLEMS = define(
  'BSP099',
  'too-many-problems',
  'information',
  'Only the first problems of a very large buildspec are shown (awsStudyHints.maxProblems).',
);

export const BUILDSPEC_RULE_LIST: readonly RuleDefinition[] = ruleTable(BUILDSPEC_RULE_FAMILIES, TOO_MANY_PROBLEMS);
