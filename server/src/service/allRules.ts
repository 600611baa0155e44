import type { RuleDefinition } from './common/findings';
import { APPSPEC_RULE_LIST } from './appspec/rules/definitions';
import { BUILDSPEC_RULE_LIST } from './buildspec/rules/definitions';
import { IAM_RULE_LIST } from './iam/rules/definitions';
import { NOTES_RULE_LIST } from './notes/definitions';

/** Every rule of every capability, in code order: the manifest, docs/rules.md and severities read this. */
export const ALL_RULES: readonly RuleDefinition[] = [...IAM_RULE_LIST, ...BUILDSPEC_RULE_LIST, ...APPSPEC_RULE_LIST, ...NOTES_RULE_LIST];
