import { ruleTable, type RuleDefinition } from '../../common/findings';
import { ACTION_RULES } from './actions';
import { CONDITION_RULES } from './conditions';
import { DOCUMENT_RULES } from './document';
import { define } from './docs';
import { ELEMENT_RULES } from './elements';
import { PRINCIPAL_RULES } from './principals';
import { RESOURCE_RULES } from './resources';
import { SECURITY_RULES } from './security';
import { STATEMENT_FIELD_RULES } from './statementFields';
import { SYNTAX_RULES } from './syntax';
import { VARIABLE_RULES } from './variables';

/**
 * Every IAM rule, by the family module that defines and checks it (code → family). Codes never
 * change meaning once released; users set per-rule severities (`awsStudyHints.rules`) by them.
 */

export const IAM_RULE_FAMILIES = {
  syntax: SYNTAX_RULES,
  document: DOCUMENT_RULES,
  elements: ELEMENT_RULES,
  statementFields: STATEMENT_FIELD_RULES,
  actions: ACTION_RULES,
  resources: RESOURCE_RULES,
  principals: PRINCIPAL_RULES,
  conditions: CONDITION_RULES,
  variables: VARIABLE_RULES,
  security: SECURITY_RULES,
} as const;

/** Reported by the service when a document has more findings than awsStudyHints.maxProblems. */
export const TOO_MANY_PROBLEMS = define('IAM099', 'too-many-problems', 'information', 'Only the first problems of a very large document are shown.');

export const IAM_RULE_LIST: readonly RuleDefinition[] = ruleTable(IAM_RULE_FAMILIES, TOO_MANY_PROBLEMS);
