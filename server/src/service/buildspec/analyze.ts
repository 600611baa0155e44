import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../common/findings';
import { YamlRuleContext } from '../yaml/context';
import { isMap, parseYaml, type YamlModel } from '../yaml/model';
import { withoutTabNoise } from '../yaml/syntax';
import { batchSuppliesBuildspecs, checkBatch, checkCache } from './rules/batch';
import { checkCommands } from './rules/commands';
import { checkEmptyCommands, checkEmptySections } from './rules/empty';
import { checkSchema } from './rules/schema';
import { withLineFeeds } from '../yaml/lineFeeds';
import { checkControlCharacters, checkSyntax, checkTooDeep, SYNTAX_RULES } from './rules/syntax';
import { checkBatchEnv, checkEnv } from './rules/env';
import { checkFallbackKeyCount, checkFanoutParallelism, checkRetryCounts, checkRunAsOnWindows } from './rules/limits';
import { checkConflictingRuntimes, checkRuntimeVersions } from './rules/runtimes';
import { buildspecVersion, checkVersion, hasUnsupportedVersion, VERSION_RULES } from './rules/version';

export interface BuildspecAnalysis {
  readonly model: YamlModel;
  readonly version?: string;
  readonly findings: readonly Finding[];
  readonly elapsedMs: number;
}

/** Analyses a buildspec: YAML problems, the specification as data, then the buildspec-specific rules. */
export function analyzeBuildspec(document: TextDocument, onRuleError?: (rule: string, error: unknown) => void): BuildspecAnalysis {
  const started = performance.now();
  const model = parseYaml(withLineFeeds(document.getText()));
  const context = new YamlRuleContext(document, model, onRuleError);
  const run = (name: string, rule: () => void) => context.run(name, rule);
  run('control-characters', () => checkControlCharacters(context));
  if (checkTooDeep(context)) return { model, findings: context.findings, elapsedMs: performance.now() - started };
  run('yaml', () => checkSyntax(context));
  const root = model.doc.contents;
  const version = buildspecVersion(context);
  if (root && !isMap(root) && model.errors.length === 0) {
    context.report(SYNTAX_RULES.notAMapping, context.nodeRange(root), 'A buildspec is a mapping that starts with version: 0.2 and has phases.');
  } else if (isMap(root)) {
    run('version', () => checkVersion(context));
    const phasesOptional = batchSuppliesBuildspecs(context);
    // Broken YAML or tab indentation empties sections too: those are reported as what they are.
    const readable = model.errors.length === 0 && model.tabLines.length === 0;
    // An unsupported version is the one problem: the rest of the file follows some other format.
    if (!hasUnsupportedVersion(context)) {
      run('schema', () => checkSchema(context, root, version, phasesOptional));
      if (readable) run('empty-sections', () => checkEmptySections(context, phasesOptional));
    }
    if (readable) run('empty-commands', () => checkEmptyCommands(context));
    run('commands', () => checkCommands(context));
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
    context.report(VERSION_RULES.missingVersion, context.range(0, 0), 'The buildspec is empty: start with version: 0.2 and a phases section.', {
      fixes: [
        {
          title: 'Insert a minimal buildspec',
          edits: [{ range: context.range(0, 0), newText: 'version: 0.2\n\nphases:\n  build:\n    commands:\n      - echo Build started\n' }],
          preferred: true,
        },
      ],
    });
  }
  const cleaned = withoutTabNoise(context.findings, SYNTAX_RULES.tabIndentation.code);
  cleaned.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { model, version, findings: cleaned, elapsedMs: performance.now() - started };
}
