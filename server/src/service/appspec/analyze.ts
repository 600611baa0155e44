import { parseTree, type ParseError } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../common/findings';
import { describeJsonErrors } from '../common/jsonSyntax';
import { YamlRuleContext } from '../yaml/context';
import { isMap, parseYaml, type YamlModel } from '../yaml/model';
import { checkYamlSyntax, withoutTabNoise } from '../yaml/syntax';
import { validateNode } from '../yaml/validate';
import { detectPlatform, type AppSpecPlatform } from './detect';
import { APPSPEC_RULES } from './rules/definitions';
import { checkFilesAndPermissions, isWindows } from './rules/ec2';
import { checkEc2Hooks, checkFunctionHooks } from './rules/hooks';
import { checkEcsResources, checkLambdaResources } from './rules/resources';
import { checkVersion } from './rules/version';
import { APPSPEC_SPEC } from './spec';

export interface AppSpecAnalysis {
  readonly model: YamlModel;
  readonly platform: AppSpecPlatform;
  readonly platformSource: 'comment' | 'setting' | 'content' | 'default';
  readonly json: boolean;
  readonly findings: readonly Finding[];
  readonly elapsedMs: number;
}

const SCHEMA_RULES = {
  unknownKey: APPSPEC_RULES.unknownKey,
  wrongType: APPSPEC_RULES.wrongType,
  invalidValue: APPSPEC_RULES.invalidValue,
  missingKey: APPSPEC_RULES.missingKey,
  wrongVersion: APPSPEC_RULES.wrongVersionKey,
  deprecated: APPSPEC_RULES.deprecatedKey,
  tooManyEntries: APPSPEC_RULES.tooManyEntries,
  commandIsMapping: APPSPEC_RULES.commandIsMapping,
};

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
      context.report(APPSPEC_RULES.syntax, problem.range, problem.message, { fixes: problem.fixes });
  } else {
    run('yaml', () => checkYamlSyntax(context, { syntax: APPSPEC_RULES.syntax, tabs: APPSPEC_RULES.tabIndentation, duplicateKey: APPSPEC_RULES.duplicateKey }));
  }
  const { platform, source } = detectPlatform(model, configured);
  const root = model.doc.contents;
  // Broken JSON gives the YAML reading nothing reliable to check; broken YAML still has a usable tree.
  const broken = json && context.findings.some((f) => f.code === APPSPEC_RULES.syntax.code);
  if (root && !isMap(root) && !broken) {
    context.report(APPSPEC_RULES.notAMapping, context.nodeRange(root), 'An AppSpec is a mapping that starts with version: 0.0.');
  } else if (!root && !broken) {
    context.report(
      APPSPEC_RULES.missingVersion,
      context.range(0, 0),
      'The AppSpec is empty: CodeDeploy rejects an empty AppSpec file. Start with version: 0.0.',
    );
  } else if (isMap(root) && !broken) {
    if (json && platform === 'ec2') {
      context.report(
        APPSPEC_RULES.jsonForEc2,
        context.range(root.range?.[0] ?? 0, 1),
        'EC2/on-premises deployments read appspec.yml (YAML); a JSON AppSpec works there only for local deployments. Use YAML, or add Resources for Lambda/ECS.',
      );
    }
    run('version', () => checkVersion(context, platform, json));
    run('schema', () =>
      validateNode(context, root, APPSPEC_SPEC.platforms[platform].root, [], {
        rules: SCHEMA_RULES,
        label: `${APPSPEC_SPEC.platforms[platform].label} AppSpec`,
        caseInsensitiveKeys: platform !== 'ec2',
      }),
    );
    if (platform === 'ec2') {
      run('hooks', () => checkEc2Hooks(context, isWindows(context)));
      run('files', () => checkFilesAndPermissions(context));
    } else {
      run('hooks', () => checkFunctionHooks(context, platform));
      run('resources', () => (platform === 'lambda' ? checkLambdaResources(context) : checkEcsResources(context)));
    }
  }
  // The version rule owns "version"; drop the schema's generic reports of it.
  const findings = withoutTabNoise(context.findings, APPSPEC_RULES.tabIndentation.code).filter(
    (f) =>
      !(
        (f.code === APPSPEC_RULES.missingKey.code && /needs "version"/i.test(f.message)) ||
        (f.code === APPSPEC_RULES.invalidValue.code && /^"version"/i.test(f.message))
      ),
  );
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { model, platform, platformSource: source, json, findings, elapsedMs: performance.now() - started };
}
