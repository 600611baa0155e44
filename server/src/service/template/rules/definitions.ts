import { ruleTable, type RuleDefinition } from '../../common/findings';
import { define } from './docs';
import { DEPLOYMENT_RULES } from './deployment';
import { PERMISSION_RULES } from './permissions';
import { REFERENCE_RULES } from './references';
import { ROLE_RULES } from './roles';
import { SAM_POLICY_RULES } from './samPolicies';

/**
 * The template's own rules: reading the template at all. The policies inside it are checked by
 * the IAM rules (IAM…), reported with their own codes so that one setting governs a rule wherever
 * the policy lives. Names differ from the other kinds' (syntax-error, not syntax) because those
 * also answer to their old unprefixed names, which a new rule never had.
 */

export const SYNTAX_RULES = {
  syntax: define('CFN001', 'syntax-error', 'error', 'The template is not valid YAML or JSON, so CloudFormation cannot read it.'),
  tabIndentation: define('CFN002', 'tab-indent', 'error', 'Tabs cannot indent YAML ("found character that cannot start any token").'),
  duplicateKey: define('CFN003', 'duplicate-mapping-key', 'error', 'A key appears twice in one mapping; CloudFormation rejects the template.'),
} satisfies Record<string, RuleDefinition>;

export const TEMPLATE_RULE_FAMILIES = {
  syntax: SYNTAX_RULES,
  samPolicies: SAM_POLICY_RULES,
  roles: ROLE_RULES,
  references: REFERENCE_RULES,
  deployment: DEPLOYMENT_RULES,
  permissions: PERMISSION_RULES,
} as const;

/** Reported by the service when a template has more findings than awsStudyHints.maxProblems. */
export const TOO_MANY_PROBLEMS = define(
  'CFN099',
  'problem-limit',
  'information',
  'Only the first problems of a very large template are shown (awsStudyHints.maxProblems).',
);

export const TEMPLATE_RULE_LIST: readonly RuleDefinition[] = ruleTable(TEMPLATE_RULE_FAMILIES, TOO_MANY_PROBLEMS);
