import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../../protocol/settings';
import { type Finding, sortFindings } from '../common/findings';
import { describeJsonErrors } from '../common/jsonSyntax';
import { rangeOf } from '../common/text';
import type { Analysis, DocumentKind, KindResources, RuleErrorHandler } from '../registry/documentKind';
import { YamlRuleContext } from '../yaml/context';
import { checkYamlSyntax } from '../yaml/syntax';
import { analyzeBuildspecs, type EmbeddedBuildspec } from './buildspec';
import { analyzeEmbedded, type EmbeddedAnalysis, PolicyCache } from './embedded';
import { type PieceCache, parseYamlIncrementally } from './incremental';
import { embeddedPolicies, resourcesOf } from './policies';
import { RenderCache } from './renderCache';
import { arnResolver } from './resolve';
import { SYNTAX_RULES } from './rules/definitions';
import { checkDeploymentHooks } from './rules/deployment';
import { checkLambdaPermissions } from './rules/permissions';
import { checkReferences } from './rules/references';
import { checkRoleTrust } from './rules/roles';
import { checkSamPolicyTemplates } from './rules/samPolicies';
import { entryValue, parseTemplate, type TNode } from './tree';

export interface TemplateAnalysis extends Analysis {
  readonly root: TNode | undefined;
  readonly json: boolean;
  /** The SAM transform is declared. */
  readonly serverless: boolean;
  readonly resourceCount: number;
  readonly policies: readonly EmbeddedAnalysis[];
  readonly buildspecs: readonly EmbeddedBuildspec[];
}

/** The kinds that analyse what a template embeds, when the service has them. */
export interface EmbeddedKinds {
  readonly iam?: DocumentKind;
  readonly buildspec?: DocumentKind;
  /** The IAM catalog, for the ARN formats that references resolve to. */
  readonly catalog?: KindResources['catalog'];
  /** Policy analyses kept between versions of the template. */
  readonly cache?: PolicyCache;
  /** Pieces of YAML templates parsed before, so that a keystroke parses one resource again. */
  readonly pieces?: PieceCache;
  /** Embedded policies rendered before, moved rather than rendered again. */
  readonly renders?: RenderCache;
}

/** Parses the template once, checks its syntax, and has the IAM kind analyse every embedded policy. */
export function analyzeTemplate(
  document: TextDocument,
  json: boolean,
  kinds: EmbeddedKinds,
  settings: Settings,
  onRuleError: RuleErrorHandler,
): TemplateAnalysis {
  const started = performance.now();
  const text = document.getText();
  const parsed = json || !kinds.pieces ? parseTemplate(text, json) : parseYamlIncrementally(text, kinds.pieces);
  const findings: Finding[] = [];
  if (parsed.yaml) {
    const context = new YamlRuleContext(document, parsed.yaml, onRuleError);
    context.run('template-syntax', () =>
      checkYamlSyntax(context, { syntax: SYNTAX_RULES.syntax, tabs: SYNTAX_RULES.tabIndentation, duplicateKey: SYNTAX_RULES.duplicateKey }),
    );
    findings.push(...context.findings);
  }
  for (const problem of describeJsonErrors(document, text, parsed.jsonErrors)) {
    findings.push({
      code: SYNTAX_RULES.syntax.code,
      range: problem.range,
      message: problem.message,
      fixes: problem.fixes.length > 0 ? problem.fixes : undefined,
    });
  }
  if (parsed.tooDeep) {
    findings.push({ code: SYNTAX_RULES.syntax.code, range: rangeOf(document, 0, 0), message: 'The template is nested too deeply to read.' });
  }
  for (const [name, rule] of [
    ['template-sam-policy-templates', checkSamPolicyTemplates],
    ['template-role-trust', checkRoleTrust],
    ['template-references', checkReferences],
    ['template-deployment-hooks', checkDeploymentHooks],
    ['template-lambda-permissions', (d: TextDocument, root: TNode | undefined) => checkLambdaPermissions(d, root, kinds.catalog?.())],
  ] as const) {
    try {
      findings.push(...rule(document, parsed.root));
    } catch (error) {
      onRuleError(name, error);
    }
  }
  const policies: EmbeddedAnalysis[] = [];
  const { iam } = kinds;
  if (iam) {
    const resolve = arnResolver(parsed.root, kinds.catalog);
    const cache = kinds.cache ?? new PolicyCache();
    const renders = kinds.renders ?? new RenderCache();
    for (const policy of embeddedPolicies(parsed.root)) {
      try {
        const analysed = analyzeEmbedded(document, json, policy, iam, settings, onRuleError, resolve, cache, renders);
        if (analysed) {
          policies.push(analysed);
          findings.push(...analysed.findings);
        }
      } catch (error) {
        // One policy that cannot be analysed must not hide the others.
        onRuleError(`template-policy ${policy.resource}.${policy.path}`, error);
      }
    }
  }
  let buildspecs: EmbeddedBuildspec[] = [];
  try {
    buildspecs = analyzeBuildspecs(document, parsed.root, kinds.buildspec, settings, onRuleError);
    for (const buildspec of buildspecs) findings.push(...buildspec.findings);
  } catch (error) {
    onRuleError('template-buildspecs', error);
  }
  const transform = entryValue(parsed.root, 'Transform');
  const transforms = transform?.type === 'seq' ? transform.items : transform ? [transform] : [];
  return {
    root: parsed.root,
    json,
    serverless: transforms.some((t) => t.type === 'scalar' && t.value === 'AWS::Serverless-2016-10-31'),
    resourceCount: resourcesOf(parsed.root).length,
    policies,
    buildspecs,
    findings: sortFindings(findings),
    elapsedMs: performance.now() - started,
  };
}
