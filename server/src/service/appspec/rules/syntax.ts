import { checkYamlSyntax } from '../../yaml/syntax';
import type { YamlRuleContext } from '../../yaml/context';
import { define } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** YAML itself: syntax errors, tab indentation, duplicate keys, and a document that is not a mapping. */

export const SYNTAX_RULES = {
  syntax: define('APS001', 'syntax', 'error', 'The AppSpec is not valid YAML or JSON.'),
  tabIndentation: define('APS002', 'tab-indentation', 'error', 'Tabs cannot indent YAML.'),
  duplicateKey: define('APS003', 'duplicate-key', 'error', 'A key appears twice in one mapping.'),
  notAMapping: define('APS004', 'not-a-mapping', 'error', 'An AppSpec is a mapping that starts with version: 0.0.'),
  jsonForEc2: define(
    'APS005',
    'json-for-ec2',
    'warning',
    'EC2/on-premises deployments read a YAML appspec.yml; JSON AppSpecs are for Lambda and ECS (and local deployments).',
  ),
} satisfies Record<string, RuleDefinition>;

export function checkSyntax(context: YamlRuleContext): void {
  checkYamlSyntax(context, { syntax: SYNTAX_RULES.syntax, tabs: SYNTAX_RULES.tabIndentation, duplicateKey: SYNTAX_RULES.duplicateKey });
}
