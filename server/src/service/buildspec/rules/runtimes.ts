import type { Pair, Scalar } from 'yaml';
import type { Fix, RuleDefinition } from '../../common/findings';
import { nearest } from '../../common/suggest';
import type { YamlRuleContext } from '../../yaml/context';
import { deleteBlock, insertAfterLine, pairBlock, reindent } from '../../yaml/edits';
import { findPair, isMap, isScalar, keyName, nodeAt, pairsOf, scalarSource } from '../../yaml/model';
import { runtimeNames, runtimeVersions } from '../spec';
import { define, RUNTIMES } from './docs';

/** runtime-versions: only in install, known runtime names, plausible versions, and the 3.10 → 3.1 trap. */

export const RUNTIME_RULES = {
  runtimeVersionsOutsideInstall: define(
    'BSP030',
    'runtime-versions-outside-install',
    'error',
    'runtime-versions is only allowed in the install phase.',
    RUNTIMES,
  ),
  unknownRuntime: define('BSP031', 'unknown-runtime', 'error', 'The runtime name is not one CodeBuild images provide.', RUNTIMES),
  unlistedRuntimeVersion: define(
    'BSP032',
    'unlisted-runtime-version',
    'warning',
    'The runtime version is not among those current images provide (availability depends on the image).',
    RUNTIMES,
  ),
  numericRuntimeVersion: define('BSP033', 'numeric-runtime-version', 'warning', 'YAML reads an unquoted version such as 3.10 as the number 3.1.', RUNTIMES),
  conflictingRuntimes: define(
    'BSP034',
    'conflicting-runtimes',
    'warning',
    'The android runtime comes with its own Java; selecting java as well can conflict and fail the build.',
    RUNTIMES,
  ),
} satisfies Record<string, RuleDefinition>;

export function checkRuntimeVersions(context: YamlRuleContext): void {
  const runtimes = nodeAt(context.model, ['phases', 'install', 'runtime-versions']);
  if (!isMap(runtimes)) return;
  const names = runtimeNames();
  for (const pair of pairsOf(runtimes)) {
    const name = keyName(pair);
    if (name === undefined) continue;
    const versions = runtimeVersions(name);
    if (!versions) {
      const suggestion = nearest(name, names);
      context.report(
        RUNTIME_RULES.unknownRuntime,
        context.nodeRange(pair.key as Scalar),
        `CodeBuild has no runtime named "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Runtimes: ${names.join(', ')}.`,
        {
          fixes: suggestion
            ? [{ title: `Rename to "${suggestion}"`, edits: [{ range: context.nodeRange(pair.key as Scalar), newText: suggestion }], preferred: true }]
            : [],
        },
      );
      continue;
    }
    checkVersionValue(context, name, pair, versions);
  }
}

function checkVersionValue(context: YamlRuleContext, name: string, pair: Pair, versions: readonly string[]): void {
  const value = pair.value;
  if (!isScalar(value) || value.value === null) return;
  const source = scalarSource(context.model, value as Scalar);
  const plain = (value as Scalar).type === 'PLAIN';
  if (plain && typeof value.value === 'number' && String(value.value) !== source) {
    context.report(
      RUNTIME_RULES.numericRuntimeVersion,
      context.nodeRange(value),
      `YAML reads ${source} as the number ${String(value.value)}, so CodeBuild looks for ${name} ${String(value.value)}. Quote it: "${source}".`,
      { fixes: [{ title: `Quote the version: "${source}"`, edits: [{ range: context.nodeRange(value), newText: `"${source}"` }], preferred: true }] },
    );
    return;
  }
  if (/^\$\{?\w+\}?$/.test(source) || source === 'latest' || /^\d+\.x$/.test(source)) return;
  const known = versions.some((v) => v.toLowerCase() === source.toLowerCase());
  if (!known) {
    context.report(
      RUNTIME_RULES.unlistedRuntimeVersion,
      context.nodeRange(value),
      `${name} ${source} is not among the versions current CodeBuild images list (${versions.join(', ')}); it works only if your image has it.`,
    );
  }
}

/**
 * The documented conflict: android images bring their own JDK, so asking for java as well can
 * fail the build ("android: 29" with "java: openjdk11"). Reported on whichever is written second.
 */
export function checkConflictingRuntimes(context: YamlRuleContext): void {
  const runtimes = nodeAt(context.model, ['phases', 'install', 'runtime-versions']);
  if (!isMap(runtimes)) return;
  const pairs = pairsOf(runtimes);
  const android = pairs.findIndex((p) => keyName(p) === 'android');
  const java = pairs.findIndex((p) => keyName(p) === 'java');
  if (android < 0 || java < 0) return;
  const second = pairs[Math.max(android, java)]!;
  context.report(
    RUNTIME_RULES.conflictingRuntimes,
    context.nodeRange(second.key as Scalar),
    'android and java are both selected: the android runtime already includes a JDK, and CodeBuild fails the build when the two conflict (for example android 29 with java openjdk11). Keep one unless you know the versions match.',
  );
}

/** Claims `runtime-versions` found in a phase other than install, with a fix that moves it there. */
export function claimMisplacedRuntimeVersions(context: YamlRuleContext, path: readonly string[], pair: Pair): boolean {
  if (keyName(pair) !== 'runtime-versions' || path.length !== 2 || path[0] !== 'phases' || path[1] === 'install') return false;
  const fixes: Fix[] = [];
  const block = pairBlock(context, pair);
  const phases = findPair(context.model.doc.contents, 'phases');
  const install = phases && isMap(phases.value) ? findPair(phases.value, 'install') : undefined;
  const alreadyThere = install && isMap(install.value) && findPair(install.value, 'runtime-versions');
  if (block && phases && !alreadyThere) {
    const unit = context.indentUnit();
    if (install && isMap(install.value)) {
      // Into the existing install phase, as its first key.
      const installKey = (install.key as Scalar).range![0];
      const childIndent = context.lineIndent(installKey).length + unit;
      fixes.push({
        title: 'Move runtime-versions to the install phase',
        edits: [insertAfterLine(context, installKey, reindent(block.text, block.indent, childIndent)), deleteBlock(context, block)],
        preferred: true,
      });
    } else if (!install) {
      // A new install phase before the other phases.
      const phasesKey = (phases.key as Scalar).range![0];
      const phaseIndent = context.lineIndent(phasesKey).length + unit;
      const text = `${' '.repeat(phaseIndent)}install:\n${reindent(block.text, block.indent, phaseIndent + unit)}`;
      fixes.push({
        title: 'Move runtime-versions to a new install phase',
        edits: [insertAfterLine(context, phasesKey, text), deleteBlock(context, block)],
        preferred: true,
      });
    }
  }
  context.report(
    RUNTIME_RULES.runtimeVersionsOutsideInstall,
    context.nodeRange(pair.key as Scalar),
    `runtime-versions belongs in the install phase, not in ${path[1]}: CodeBuild selects runtimes before any command runs.`,
    { fixes },
  );
  return true;
}
