import { checkYamlSyntax } from '../../yaml/syntax';
import type { YamlRuleContext } from '../../yaml/context';
import { define } from './docs';
import type { RuleDefinition } from '../../common/findings';

/**
 * YAML itself: syntax errors, tab indentation, duplicate keys, a document that is not a mapping,
 * characters YAML does not allow, and nesting too deep to read.
 */

export const SYNTAX_RULES = {
  yamlSyntax: define('BSP001', 'yaml-syntax', 'error', 'The buildspec is not valid YAML (CodeBuild: YAML_FILE_ERROR).'),
  tabIndentation: define('BSP002', 'tab-indentation', 'error', 'Tabs cannot indent YAML ("found character that cannot start any token").'),
  duplicateKey: define('BSP003', 'duplicate-key', 'error', 'A key appears twice in one mapping.'),
  notAMapping: define('BSP004', 'not-a-mapping', 'error', 'A buildspec is a mapping of keys such as version and phases.'),
} satisfies Record<string, RuleDefinition>;

export function checkSyntax(context: YamlRuleContext): void {
  checkYamlSyntax(context, { syntax: SYNTAX_RULES.yamlSyntax, tabs: SYNTAX_RULES.tabIndentation, duplicateKey: SYNTAX_RULES.duplicateKey });
}

/** C0 controls other than tab, LF and CR, DEL, and C1 controls other than NEL: YAML allows none of them. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
/** One finding per line, and no more lines than this: a UTF-16 file has a NUL in every other byte. */
const MAX_CONTROL_LINES = 20;

export function checkControlCharacters(context: YamlRuleContext): void {
  let lastLine = -1;
  let lines = 0;
  for (const match of context.model.text.matchAll(CONTROL_CHARACTER)) {
    const range = context.range(match.index, 1);
    if (range.start.line === lastLine) continue;
    lastLine = range.start.line;
    if (++lines > MAX_CONTROL_LINES) break;
    const code = match[0].charCodeAt(0);
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}${code === 0 ? ' (NUL)' : ''}`;
    context.report(
      SYNTAX_RULES.yamlSyntax,
      range,
      `Control character ${name}: YAML does not allow control characters, so CodeBuild cannot read the buildspec. Remove it${code === 0 ? ' (NULs between all the letters mean the file was saved as UTF-16: save it as UTF-8)' : ''}.`,
    );
  }
}

/**
 * The YAML reader stops with RESOURCE_EXHAUSTION when collections nest hundreds of levels deep (yaml/depth.ts);
 * no buildspec does, and what was read before that point is not worth checking. Returns true
 * when the document was reported as too deep.
 */
export function checkTooDeep(context: YamlRuleContext): boolean {
  const exhausted = context.model.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (!exhausted) return false;
  context.report(
    SYNTAX_RULES.yamlSyntax,
    context.range(exhausted.offset, 1),
    'The buildspec nests lists or mappings hundreds of levels deep or more, further than a YAML reader can safely follow: it is not analysed. A buildspec needs only a few levels.',
  );
  return true;
}
