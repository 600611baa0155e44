import { isAlias, isCollection, isPair } from 'yaml';
import type { Finding, RuleDefinition } from '../common/findings';
import type { YamlRuleContext } from './context';

/** YAML-level problems shared by every YAML capability: syntax errors, tab indentation, duplicate keys. */
export interface YamlSyntaxRules {
  readonly syntax: RuleDefinition;
  readonly tabs: RuleDefinition;
  readonly duplicateKey: RuleDefinition;
}

const FRIENDLY: Record<string, string> = {
  BAD_INDENT: 'Bad indentation: align this line with its siblings.',
  MISSING_CHAR: 'Something is missing here (a closing quote or bracket?).',
  MULTILINE_IMPLICIT_KEY: 'A key cannot span several lines: is a colon or a quote missing on the line above?',
  UNEXPECTED_TOKEN: 'Unexpected text: check the indentation and the quoting of this line.',
  BLOCK_AS_IMPLICIT_KEY: 'A nested block cannot be used as a key: check the indentation.',
  MULTIPLE_DOCS: 'Only one YAML document is allowed here (remove the extra "---").',
};

export function checkYamlSyntax(context: YamlRuleContext, rules: YamlSyntaxRules): void {
  const { model } = context;
  const tabLines = new Set<number>();
  for (const tab of model.tabLines) {
    const line = context.range(tab.offset, 0).start.line;
    tabLines.add(line);
    const unit = context.indentUnit();
    const replacement = model.text.slice(tab.offset, tab.offset + tab.length).replace(/\t/g, ' '.repeat(unit));
    context.report(
      rules.tabs,
      context.range(tab.offset, tab.length),
      'Tabs cannot indent YAML: CodeBuild and CodeDeploy fail with "found character that cannot start any token". Indent with spaces.',
      {
        fixes: [{ title: `Convert tabs to ${unit} spaces`, edits: [{ range: context.range(tab.offset, tab.length), newText: replacement }], preferred: true }],
      },
    );
  }
  for (const error of model.errors) {
    // Tab errors are reported once per line above, with a fix.
    if (error.code === 'TAB_AS_INDENT' || tabLines.has(context.range(error.offset, 0).start.line)) continue;
    if (error.code === 'DUPLICATE_KEY') {
      const name = /^[^\s:]+/.exec(model.text.slice(error.offset))?.[0] ?? 'key';
      context.report(
        rules.duplicateKey,
        context.range(error.offset, name.length),
        `"${name}" appears twice in this mapping: YAML parsers keep only one of them. Merge the two.`,
      );
      continue;
    }
    const message = FRIENDLY[error.code] ?? `${error.message.replace(/ at line \d+, column \d+.*$/, '')}.`;
    context.report(rules.syntax, context.range(error.offset, Math.min(error.length, 80)), `YAML: ${message}`);
  }
  checkAliases(context, rules);
}

/** `pattern: *.sh` is an alias to an anchor named ".sh": tools that load the file fail on it. */
function checkAliases(context: YamlRuleContext, rules: YamlSyntaxRules): void {
  const anchors = new Set<string>();
  inDocumentOrder(context.model.doc.contents, (node) => {
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.add(anchor);
    if (isAlias(node) && !anchors.has(node.source)) {
      const r = node.range;
      const text = r ? context.model.text.slice(r[0], r[1]) : `*${node.source}`;
      // Inside single quotes a quote is written twice (`*a'x'` → '*a''x'''; the fuzzer found the fix breaking it).
      const quoted = `'${text.replaceAll("'", "''")}'`;
      context.report(
        rules.syntax,
        r ? context.range(r[0], r[1] - r[0]) : context.range(0, 0),
        `YAML reads ${text} as a reference to an anchor "&${node.source}" defined earlier, and there is none: quote the value (${quoted}).`,
        { fixes: r ? [{ title: `Quote it: ${quoted}`, edits: [{ range: context.range(r[0], r[1] - r[0]), newText: quoted }], preferred: true }] : [] },
      );
    }
  });
}

/**
 * Every node, keys before values, in document order. The `yaml` package's own visit copies the
 * path of every node it passes, which takes seconds on a document nested a few thousand levels
 * deep in a scalar's place (found by the fuzzer); this walk keeps one stack.
 */
function inDocumentOrder(root: unknown, see: (node: unknown) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    see(node);
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
}

/** A tab breaks the structure of its line: what the schema then says about that line is noise. */
export function withoutTabNoise(findings: readonly Finding[], tabCode: string): Finding[] {
  const tabLines = new Set(findings.filter((f) => f.code === tabCode).map((f) => f.range.start.line));
  return findings.filter((f) => f.code === tabCode || !tabLines.has(f.range.start.line));
}
