import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../common/findings';
import { YamlRuleContext } from '../yaml/context';
import { isMap, parseYaml, type YamlModel } from '../yaml/model';
import { checkYamlSyntax, withoutTabNoise } from '../yaml/syntax';
import { validateNode } from '../yaml/validate';
import { checkBatch, checkCache } from './rules/batch';
import { BUILDSPEC_RULES } from './rules/definitions';
import { checkBatchEnv, checkEnv } from './rules/env';
import { checkFallbackKeyCount, checkFanoutParallelism, checkRetryCounts, checkRunAsOnWindows } from './rules/limits';
import { checkConflictingRuntimes, checkRuntimeVersions, claimMisplacedRuntimeVersions } from './rules/runtimes';
import { buildspecVersion, checkVersion } from './rules/version';
import { BUILDSPEC_SPEC } from './spec';

export interface BuildspecAnalysis {
  readonly model: YamlModel;
  readonly version?: string;
  readonly findings: readonly Finding[];
  readonly elapsedMs: number;
}

const SCHEMA_RULES = {
  unknownKey: BUILDSPEC_RULES.unknownKey,
  wrongType: BUILDSPEC_RULES.wrongType,
  invalidValue: BUILDSPEC_RULES.invalidValue,
  missingKey: BUILDSPEC_RULES.missingKey,
  wrongVersion: BUILDSPEC_RULES.wrongVersionKey,
  deprecated: BUILDSPEC_RULES.deprecatedKey,
  tooManyEntries: BUILDSPEC_RULES.tooManyEntries,
  commandIsMapping: BUILDSPEC_RULES.commandIsMapping,
};

/** Analyses a buildspec: YAML problems, the specification as data, then the buildspec-specific rules. */
export function analyzeBuildspec(document: TextDocument, onRuleError?: (rule: string, error: unknown) => void): BuildspecAnalysis {
  const started = performance.now();
  const model = parseYaml(document.getText());
  const context = new YamlRuleContext(document, model, onRuleError);
  const run = (name: string, rule: () => void) => context.run(name, rule);
  run('yaml', () =>
    checkYamlSyntax(context, { syntax: BUILDSPEC_RULES.yamlSyntax, tabs: BUILDSPEC_RULES.tabIndentation, duplicateKey: BUILDSPEC_RULES.duplicateKey }),
  );
  const root = model.doc.contents;
  const version = buildspecVersion(context);
  if (root && !isMap(root) && model.errors.length === 0) {
    context.report(BUILDSPEC_RULES.notAMapping, context.nodeRange(root), 'A buildspec is a mapping that starts with version: 0.2 and has phases.');
  } else if (isMap(root)) {
    run('version', () => checkVersion(context));
    run('schema', () =>
      validateNode(context, root, BUILDSPEC_SPEC.root, [], {
        rules: SCHEMA_RULES,
        version,
        label: 'buildspec',
        claimUnknownKey: (path, pair) => claimMisplacedRuntimeVersions(context, path, pair),
      }),
    );
    run('runtimes', () => checkRuntimeVersions(context));
    run('conflicting-runtimes', () => checkConflictingRuntimes(context));
    run('env', () => checkEnv(context));
    run('batch-env', () => checkBatchEnv(context));
    run('batch', () => checkBatch(context));
    run('cache', () => checkCache(context));
    run('fanout', () => checkFanoutParallelism(context));
    run('retry', () => checkRetryCounts(context));
    run('fallback-keys', () => checkFallbackKeyCount(context));
    run('run-as', () => checkRunAsOnWindows(context));
  } else if (!root && model.errors.length === 0) {
    context.report(BUILDSPEC_RULES.missingVersion, context.range(0, 0), 'The buildspec is empty: start with version: 0.2 and a phases section.', {
      fixes: [
        {
          title: 'Insert a minimal buildspec',
          edits: [{ range: context.range(0, 0), newText: 'version: 0.2\n\nphases:\n  build:\n    commands:\n      - echo Build started\n' }],
          preferred: true,
        },
      ],
    });
  }
  // The version rule owns "version" (missing, unsupported, quoted): drop the schema's generic reports of it.
  const findings = context.findings.filter(
    (f) =>
      !(
        (f.code === BUILDSPEC_RULES.missingKey.code && /needs "version"/.test(f.message)) ||
        (f.code === BUILDSPEC_RULES.invalidValue.code && f.message.startsWith('"version"'))
      ),
  );
  const cleaned = withoutTabNoise(findings, BUILDSPEC_RULES.tabIndentation.code);
  cleaned.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { model, version, findings: cleaned, elapsedMs: performance.now() - started };
}
