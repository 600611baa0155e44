import { checkYamlSyntax } from '../../yaml/syntax';
import type { YamlRuleContext } from '../../yaml/context';
import { define } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** YAML itself: syntax errors, tab indentation, duplicate keys, and a document that is not a mapping. */

export const SYNTAX_RULES = {
  yamlSyntax: define('BSP001', 'yaml-syntax', 'error', 'The buildspec is not valid YAML (CodeBuild: YAML_FILE_ERROR).'),
  tabIndentation: define('BSP002', 'tab-indentation', 'error', 'Tabs cannot indent YAML ("found character that cannot start any token").'),
  duplicateKey: define('BSP003', 'duplicate-key', 'error', 'A key appears twice in one mapping.'),
  notAMapping: define('BSP004', 'not-a-mapping', 'error', 'A buildspec is a mapping of keys such as version and phases.'),
} satisfies Record<string, RuleDefinition>;

export function checkSyntax(context: YamlRuleContext): void {
  checkYamlSyntax(context, { syntax: SYNTAX_RULES.yamlSyntax, tabs: SYNTAX_RULES.tabIndentation, duplicateKey: SYNTAX_RULES.duplicateKey });
}
