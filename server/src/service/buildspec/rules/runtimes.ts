import type { Pair, Scalar, YAMLMap } from 'yaml';
import type { Fix, RuleDefinition } from '../../common/findings';
import { nearest } from '../../common/suggest';
import type { YamlRuleContext } from '../../yaml/context';
import { deleteBlock, insertAfterLine, pairBlock, reindent } from '../../yaml/edits';
import { findPair, isMap, isScalar, keyName, nodeAt, pairsOf, scalarSource } from '../../yaml/model';
import { BUILDSPEC_SPEC, documentedVersions, retiredImagesWith, runtimeNames, runtimeVersions } from '../spec';
import { define, RUNTIMES } from './docs';

/**
 * runtime-versions: only in install, known runtime names, versions current images preinstall (as
 * knowledge/buildspec/spec.json lists them per image), unquoted numbers, and the deprecated docker runtime.
 */

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
    'No current image preinstalls the runtime version: only deprecated images had it, or no image lists it.',
    RUNTIMES,
  ),
  numericRuntimeVersion: define(
    'BSP033',
    'numeric-runtime-version',
    'hint',
    'An unquoted version such as 3.10 is a number to YAML tools (3.1); CodeBuild reads it as written, quoting keeps every tool in agreement.',
    RUNTIMES,
  ),
  conflictingRuntimes: define(
    'BSP034',
    'conflicting-runtimes',
    'warning',
    'The android runtime comes with its own Java; selecting java as well can conflict and fail the build.',
    RUNTIMES,
  ),
  deprecatedRuntime: define(
    'BSP035',
    'deprecated-runtime',
    'warning',
    'The docker runtime is deprecated: Docker comes preinstalled, and current x86_64 images do not offer the runtime.',
    RUNTIMES,
  ),
} satisfies Record<string, RuleDefinition>;

export function checkRuntimeVersions(context: YamlRuleContext): void {
  const runtimes = nodeAt(context.model, ['phases', 'install', 'runtime-versions']);
  if (!isMap(runtimes)) return;
  const names = runtimeNames();
  // A rename onto a runtime already listed would make a duplicate key, which YAML rejects.
  const listed = new Set(pairsOf(runtimes).map((pair) => keyName(pair)));
  for (const pair of pairsOf(runtimes)) {
    const name = keyName(pair);
    if (name === undefined) continue;
    const deprecated = BUILDSPEC_SPEC.deprecatedRuntimes[name];
    if (deprecated) {
      reportDeprecatedRuntime(context, runtimes, pair, name, deprecated);
      continue;
    }
    const versions = runtimeVersions(name);
    if (!versions) {
      const suggestion = nearest(name, names);
      context.report(
        RUNTIME_RULES.unknownRuntime,
        context.nodeRange(pair.key as Scalar),
        `CodeBuild has no runtime named "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Runtimes: ${names.join(', ')}.`,
        {
          fixes:
            suggestion && !listed.has(suggestion)
              ? [{ title: `Rename to "${suggestion}"`, edits: [context.renameScalar(pair.key as Scalar, suggestion)], preferred: true }]
              : [],
        },
      );
      continue;
    }
    checkVersionValue(context, name, pair, versions);
  }
}

function reportDeprecatedRuntime(context: YamlRuleContext, runtimes: YAMLMap, pair: Pair, name: string, why: string): void {
  // The only runtime listed: remove runtime-versions as a whole rather than leave it empty.
  const only = pairsOf(runtimes).length === 1 ? findPair(nodeAt(context.model, ['phases', 'install']), 'runtime-versions') : undefined;
  const block = pairBlock(context, only ?? pair);
  context.report(RUNTIME_RULES.deprecatedRuntime, context.nodeRange(pair.key as Scalar), `The ${name} runtime is deprecated: ${why} Remove this line.`, {
    fixes: block ? [{ title: only ? 'Remove runtime-versions' : `Remove ${name}`, edits: [deleteBlock(context, block)], preferred: true }] : [],
  });
}

function checkVersionValue(context: YamlRuleContext, name: string, pair: Pair, versions: readonly string[]): void {
  const value = pair.value;
  if (!isScalar(value) || value.value === null) return;
  const source = scalarSource(context.model, value as Scalar);
  const plain = (value as Scalar).type === 'PLAIN';
  if (plain && typeof value.value === 'number' && String(value.value) !== source) {
    // CodeBuild reads the version as written (its own tables write golang: 1.20 unquoted); other
    // YAML tools that rewrite or check the file see the number, hence only a hint.
    context.report(
      RUNTIME_RULES.numericRuntimeVersion,
      context.nodeRange(value),
      `${source} is an unquoted number: CodeBuild reads it as written, but YAML tools read the number ${String(value.value)}. Quoting it ("${source}") keeps them in agreement.`,
      { fixes: [{ title: `Quote the version: "${source}"`, edits: [{ range: context.nodeRange(value), newText: `"${source}"` }], preferred: true }] },
    );
  }
  if (/^\$\{?\w+\}?$/.test(source) || source === 'latest') return;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const major = /^(\d+)\.x$/.exec(source)?.[1];
  // `18.x` asks for a major version; `20.11.1` a more precise version of a listed one (installed as a custom runtime version).
  const matches = major ? (v: string) => v === major || v.startsWith(`${major}.`) : (v: string) => same(v, source);
  const retired = retiredImagesWith(name, matches);
  if (retired.length > 0) {
    const shown = retired.length > 3 ? `${retired.slice(0, 3).join(', ')}…` : retired.join(', ');
    context.report(RUNTIME_RULES.unlistedRuntimeVersion, context.nodeRange(value), retiredMessage(name, source, shown, versions));
    return;
  }
  if (major) return;
  const known = [...versions, ...documentedVersions(name)];
  if (known.some((v) => same(v, source) || source.startsWith(`${v}.`))) return;
  context.report(
    RUNTIME_RULES.unlistedRuntimeVersion,
    context.nodeRange(value),
    `${name} ${source} is not among the versions current CodeBuild images preinstall (${versions.join(', ')}): it works only on an image that has it or that installs it as a custom runtime version.`,
  );
}

function retiredMessage(name: string, source: string, images: string, versions: readonly string[]): string {
  const retired = `${name} ${source} was preinstalled only on CodeBuild images that are now deprecated (${images})`;
  const current = versions.filter((v) => v !== 'latest');
  if (current.length === 0) return `${retired}; no current image offers ${name} at all.`;
  // Custom runtime versions are numbers (nodejs 14, python 3.7…); a name such as openjdk11 is not one.
  const custom = /^\d/.test(source) ? ` Images that support custom runtime versions install ${source} at the start of every build; the others reject it.` : '';
  return `${retired}; current images have ${current.join(', ')}.${custom}`;
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
