import { ruleDefiner } from '../../common/findings';

/** The IAM documentation pages rules link to, and the definer that names IAM rules (iam/…). */

export const ELEMENTS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements';
export const GRAMMAR = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html';
export const CONDITIONS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
export const VARIABLES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';
export const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';
export const BEST = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html';

export const define = ruleDefiner('iam');
