import { parseTree, type ParseError } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../common/findings';
import { describeJsonErrors } from '../common/jsonSyntax';
import { YamlRuleContext } from '../yaml/context';
import { isMap, parseYaml, type YamlModel } from '../yaml/model';
import { withoutTabNoise } from '../yaml/syntax';
import { detectPlatform, type AppSpecPlatform } from './detect';
import { checkSchema } from './rules/schema';
import { checkSyntax, SYNTAX_RULES } from './rules/syntax';
import { checkFilesAndPermissions, isWindows } from './rules/ec2';
import { checkEc2Hooks, checkFunctionHooks } from './rules/hooks';
import { checkPlaceholders, PLACEHOLDER_RULES } from './rules/placeholders';
import { checkEcsResources, checkLambdaResources } from './rules/resources';
import { checkVersion, VERSION_RULES } from './rules/version';

export interface AppSpecAnalysis {
  readonly model: YamlModel;
  readonly platform: AppSpecPlatform;
  readonly platformSource: 'comment' | 'setting' | 'content' | 'default';
  readonly json: boolean;
  readonly findings: readonly Finding[];
  readonly elapsedMs: number;
}

/**
 * Analyses an AppSpec (YAML, or JSON for Lambda and ECS): syntax, the platform's specification
 * as data, then hooks, files and permissions, and the Lambda/ECS resource rules. JSON is read
 * by the same YAML model (JSON is YAML), with jsonc-parser's clearer syntax messages.
 */
export function analyzeAppSpec(
  document: TextDocument,
  json: boolean,
  configured?: AppSpecPlatform,
  onRuleError?: (rule: string, error: unknown) => void,
): AppSpecAnalysis {
  const started = performance.now();
  const text = document.getText();
  const model = parseYaml(text);
  const context = new YamlRuleContext(document, model, onRuleError);
  const run = (name: string, rule: () => void) => context.run(name, rule);
  if (json) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    for (const problem of describeJsonErrors(document, text, errors))
      context.report(SYNTAX_RULES.syntax, problem.range, problem.message, { fixes: problem.fixes });
  } else {
    run('yaml', () => checkSyntax(context));
  }
  const { platform, source } = detectPlatform(model, configured);
  const root = model.doc.contents;
  // Broken JSON gives the YAML reading nothing reliable to check; broken YAML still has a usable tree.
  const broken = json && context.findings.some((f) => f.code === SYNTAX_RULES.syntax.code);
  if (root && !isMap(root) && !broken) {
    context.report(SYNTAX_RULES.notAMapping, context.nodeRange(root), 'An AppSpec is a mapping that starts with version: 0.0.');
  } else if (!root && !broken) {
    context.report(
      VERSION_RULES.missingVersion,
      context.range(0, 0),
      'The AppSpec is empty: CodeDeploy rejects an empty AppSpec file. Start with version: 0.0.',
    );
  } else if (isMap(root) && !broken) {
    if (json && platform === 'ec2') {
      context.report(
        SYNTAX_RULES.jsonForEc2,
        context.range(root.range?.[0] ?? 0, 1),
        'EC2/on-premises deployments read appspec.yml (YAML); a JSON AppSpec works there only for local deployments. Use YAML, or add Resources for Lambda/ECS.',
      );
    }
    run('version', () => checkVersion(context, platform, json));
    run('schema', () => checkSchema(context, root, platform));
    if (platform === 'ec2') {
      run('hooks', () => checkEc2Hooks(context, isWindows(context)));
      run('files', () => checkFilesAndPermissions(context));
    } else {
      run('hooks', () => checkFunctionHooks(context, platform));
      run('resources', () => (platform === 'lambda' ? checkLambdaResources(context) : checkEcsResources(context)));
    }
    run('placeholders', () => checkPlaceholders(context));
  }
  const findings = withoutPlaceholderNoise(withoutTabNoise(context.findings, SYNTAX_RULES.tabIndentation.code));
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { model, platform, platformSource: source, json, findings, elapsedMs: performance.now() - started };
}

/** A value that is a placeholder gets that one finding: what the type or format rules say about it follows from it. */
function withoutPlaceholderNoise(findings: Finding[]): Finding[] {
  const key = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
  const placeholders = new Set(findings.filter((f) => f.code === PLACEHOLDER_RULES.unsubstitutedPlaceholder.code).map(key));
  return placeholders.size === 0 ? findings : findings.filter((f) => f.code === PLACEHOLDER_RULES.unsubstitutedPlaceholder.code || !placeholders.has(key(f)));
}
