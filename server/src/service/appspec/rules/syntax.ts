import { offsetNestedBeyond } from '../../common/jsonSyntax';
import { checkYamlSyntax } from '../../yaml/syntax';
import type { YamlRuleContext } from '../../yaml/context';
import { define } from './docs';
import type { RuleDefinition } from '../../common/findings';

/**
 * YAML and JSON themselves: syntax errors, tab indentation, duplicate keys, a document that is not
 * a mapping, characters neither allows, and nesting too deep to read.
 */

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

/** C0 controls other than tab, LF and CR, DEL, and C1 controls other than NEL: neither YAML nor JSON allows them. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
/** One finding per line, and no more lines than this: a UTF-16 file has a NUL in every other byte. */
const MAX_CONTROL_LINES = 20;

/** Reports control characters; returns the offsets reported, so that the JSON reader's view of the same characters is not repeated. */
export function checkControlCharacters(context: YamlRuleContext, text: string): Set<number> {
  const reported = new Set<number>();
  let lastLine = -1;
  for (const match of text.matchAll(CONTROL_CHARACTER)) {
    const range = context.range(match.index, 1);
    if (range.start.line === lastLine) continue;
    lastLine = range.start.line;
    if (reported.size >= MAX_CONTROL_LINES) break;
    reported.add(match.index);
    const code = match[0].charCodeAt(0);
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}${code === 0 ? ' (NUL)' : ''}`;
    context.report(
      SYNTAX_RULES.syntax,
      range,
      `Control character ${name}: neither YAML nor JSON allows control characters, so CodeDeploy cannot read the AppSpec. Remove it${code === 0 ? ' (NULs between all the letters mean the file was saved as UTF-16: save it as UTF-8)' : ''}.`,
    );
  }
  return reported;
}

/** Beyond this depth jsonc-parser could exhaust the stack; no AppSpec nests more than a few levels. */
const MAX_JSON_DEPTH = 256;

/** The offset where JSON text nests too deep for the parser, if it does. */
export function jsonTooDeep(text: string): number | undefined {
  return offsetNestedBeyond(text, MAX_JSON_DEPTH);
}

export function reportTooDeep(context: YamlRuleContext, offset: number): void {
  context.report(
    SYNTAX_RULES.syntax,
    context.range(offset, 1),
    'The AppSpec nests lists or mappings hundreds of levels deep or more, further than a reader can safely follow: it is not analysed. An AppSpec needs only a few levels.',
  );
}
