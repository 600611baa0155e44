import type { ParseError } from 'jsonc-parser';
import { parseJsonTree } from '../common/fastJson';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../common/findings';
import { describeJsonErrors } from '../common/jsonSyntax';
import { YamlRuleContext } from '../yaml/context';
import { isMap, keyName, pairsOf, parseYaml, type YamlModel } from '../yaml/model';
import { withoutTabNoise } from '../yaml/syntax';
import { detectPlatform, type AppSpecPlatform } from './detect';
import { checkFilesAndPermissions, isWindows } from './rules/ec2';
import { checkEc2Hooks, checkFunctionHooks } from './rules/hooks';
import { checkPlaceholders, PLACEHOLDER_RULES } from './rules/placeholders';
import { checkEcsResources, checkLambdaResources } from './rules/resources';
import { checkSchema } from './rules/schema';
import { withLineFeeds } from '../yaml/lineFeeds';
import { checkControlCharacters, checkSyntax, jsonTooDeep, reportTooDeep, SYNTAX_RULES } from './rules/syntax';
import { checkVersion, VERSION_RULES } from './rules/version';

export interface AppSpecAnalysis {
  readonly model: YamlModel;
  readonly platform: AppSpecPlatform;
  readonly platformSource: 'comment' | 'setting' | 'content' | 'default';
  readonly json: boolean;
  readonly findings: readonly Finding[];
  readonly elapsedMs: number;
}

/** The top-level keys of every platform's AppSpec (Lambda and ECS keys come in any case). */
const APPSPEC_KEYS = new Set(['version', 'os', 'files', 'file_exists_behavior', 'permissions', 'hooks', 'resources']);

/**
 * Analyses an AppSpec (YAML, or JSON for Lambda and ECS): syntax, the platform's specification
 * as data, then hooks, files and permissions, and the Lambda/ECS resource rules. JSON is read
 * by the same YAML model (JSON is YAML), with jsonc-parser's clearer syntax messages.
 * Undefined for a JSON file that is no AppSpec at all (an appspec.json of some other tool).
 */
export function analyzeAppSpec(
  document: TextDocument,
  json: boolean,
  configured?: AppSpecPlatform,
  onRuleError?: (rule: string, error: unknown) => void,
): AppSpecAnalysis | undefined {
  const started = performance.now();
  const text = withLineFeeds(document.getText());
  const deepAt = json ? jsonTooDeep(text) : undefined;
  // Too deep for jsonc-parser: not parsed at all, so the model is empty.
  const model = parseYaml(deepAt === undefined ? text : '');
  const context = new YamlRuleContext(document, model, onRuleError);
  const run = (name: string, rule: () => void) => context.run(name, rule);
  const done = () => finish(context, model, detectPlatform(model, configured), json, started);
  const controlCharacters = checkControlCharacters(context, text);
  const exhausted = model.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION')?.offset;
  if (deepAt !== undefined || exhausted !== undefined) {
    reportTooDeep(context, deepAt ?? exhausted!);
    return done();
  }
  if (json) {
    const errors: ParseError[] = [];
    parseJsonTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    for (const problem of describeJsonErrors(document, text, errors)) {
      const [start, end] = [document.offsetAt(problem.range.start), document.offsetAt(problem.range.end)];
      if ([...controlCharacters].some((offset) => offset >= start && offset <= end)) continue; // already said, more clearly
      context.report(SYNTAX_RULES.syntax, problem.range, problem.message, { fixes: problem.fixes });
    }
  } else {
    run('yaml', () => checkSyntax(context));
  }
  const detected = detectPlatform(model, configured);
  const { platform } = detected;
  const root = model.doc.contents;
  // Broken JSON gives the YAML reading nothing reliable to check; broken YAML still has a usable tree.
  const broken = json && context.findings.some((f) => f.code === SYNTAX_RULES.syntax.code);
  // A well-formed JSON file with none of the AppSpec's keys is some other tool's appspec.json.
  if (json && !broken && root && !pairsOf(root).some((p) => APPSPEC_KEYS.has((keyName(p) ?? '').toLowerCase()))) return undefined;
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
  return finish(context, model, detected, json, started);
}

function finish(
  context: YamlRuleContext,
  model: YamlModel,
  detected: { platform: AppSpecPlatform; source: AppSpecAnalysis['platformSource'] },
  json: boolean,
  started: number,
): AppSpecAnalysis {
  const findings = withoutPlaceholderNoise(withoutTabNoise(context.findings, SYNTAX_RULES.tabIndentation.code));
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { model, platform: detected.platform, platformSource: detected.source, json, findings, elapsedMs: performance.now() - started };
}

/** A value that is a placeholder gets that one finding: what the type or format rules say about it follows from it. */
function withoutPlaceholderNoise(findings: Finding[]): Finding[] {
  const key = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
  const placeholders = new Set(findings.filter((f) => f.code === PLACEHOLDER_RULES.unsubstitutedPlaceholder.code).map(key));
  return placeholders.size === 0 ? findings : findings.filter((f) => f.code === PLACEHOLDER_RULES.unsubstitutedPlaceholder.code || !placeholders.has(key(f)));
}
