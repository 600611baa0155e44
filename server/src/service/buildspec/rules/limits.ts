import type { Node, Scalar } from 'yaml';
import type { YamlRuleContext } from '../../yaml/context';
import { findPair, isMap, isScalar, isSeq, keyName, nodeAt, pairsOf, scalarSource } from '../../yaml/model';
import { define, REF, BATCH } from './docs';
import type { RuleDefinition } from '../../common/findings';

/**
 * Documented numeric limits and platform constraints the shape of the file cannot express:
 * fanout parallelism, RETRY counts, the number of cache fallback keys, and run-as on Windows.
 */

export const LIMIT_RULES = {
  retryCountOutOfRange: define(
    'BSP027',
    'retry-count-out-of-range',
    'error',
    'A RETRY-<count> in on-failure must be between 0 and 100.',
    `${REF}#build-spec.phases.on-failure`,
  ),
  runAsOnWindows: define(
    'BSP044',
    'run-as-on-windows',
    'warning',
    'run-as works only on Linux images, and env.shell names a Windows shell.',
    `${REF}#build-spec.run-as`,
  ),
  fanoutParallelism: define('BSP054', 'fanout-parallelism', 'error', 'build-fanout parallelism must be a whole number of at least 1.', BATCH),
  tooManyFallbackKeys: define(
    'BSP055',
    'too-many-fallback-keys',
    'warning',
    'cache.fallback-keys takes up to five keys.',
    `${REF}#build-spec.cache.fallback-keys`,
  ),
} satisfies Record<string, RuleDefinition>;

const PHASES = ['install', 'pre_build', 'build', 'post_build'] as const;
/** CodeBuild's documented ceiling for RETRY-<count>. */
const MAX_RETRY_COUNT = 100;
/** cache.fallback-keys: "up to five". */
const MAX_FALLBACK_KEYS = 5;
const WINDOWS_SHELLS = /^(powershell(\.exe)?|cmd(\.exe)?)$/i;

export function checkFanoutParallelism(context: YamlRuleContext): void {
  const fanout = nodeAt(context.model, ['batch', 'build-fanout']);
  const value = isMap(fanout) ? findPair(fanout, 'parallelism')?.value : undefined;
  if (!isScalar(value)) return;
  const source = scalarSource(context.model, value as Scalar);
  // Non-numbers are the schema's business (and "$VAR" is allowed); only a whole number below 1 is ours.
  if (!/^-?\d+$/.test(source) || Number(source) > 0) return;
  context.report(
    LIMIT_RULES.fanoutParallelism,
    context.nodeRange(value),
    `build-fanout parallelism must be at least 1 (it is the number of builds that share the tests), not ${source}.`,
    { fixes: [{ title: 'Set parallelism to 1', edits: [{ range: context.nodeRange(value), newText: '1' }], preferred: true }] },
  );
}

export function checkRetryCounts(context: YamlRuleContext): void {
  for (const phase of PHASES) {
    const onFailure = nodeAt(context.model, ['phases', phase, 'on-failure']);
    if (!isScalar(onFailure) || onFailure.type?.startsWith('BLOCK')) continue;
    const source = scalarSource(context.model, onFailure as Scalar);
    // RETRY-<count> and RETRY-<count>-<regex>: the count is the first all-digit segment.
    const match = /^retry-(\d+)(?:-|$)/i.exec(source);
    if (!match) continue;
    const count = Number(match[1]);
    if (count <= MAX_RETRY_COUNT) continue;
    // Point at the count itself (after "RETRY-", and after the opening quote of a quoted value).
    const quoted = onFailure.type === 'QUOTE_DOUBLE' || onFailure.type === 'QUOTE_SINGLE';
    const countRange = context.range(onFailure.range![0] + (quoted ? 1 : 0) + 'RETRY-'.length, match[1]!.length);
    context.report(
      LIMIT_RULES.retryCountOutOfRange,
      countRange,
      `on-failure of ${phase} retries ${count} times; CodeBuild accepts a RETRY count from 0 to ${MAX_RETRY_COUNT}.`,
      { fixes: [{ title: `Retry at most ${MAX_RETRY_COUNT} times`, edits: [{ range: countRange, newText: String(MAX_RETRY_COUNT) }], preferred: true }] },
    );
  }
}

export function checkFallbackKeyCount(context: YamlRuleContext): void {
  const keys = nodeAt(context.model, ['cache', 'fallback-keys']);
  if (!isSeq(keys) || keys.items.length <= MAX_FALLBACK_KEYS) return;
  const extra = keys.items[MAX_FALLBACK_KEYS] as Node;
  context.report(
    LIMIT_RULES.tooManyFallbackKeys,
    context.nodeRange(extra),
    `cache.fallback-keys lists ${keys.items.length} keys; CodeBuild tries at most ${MAX_FALLBACK_KEYS}, so this one and any after it are never used.`,
  );
}

export function checkRunAsOnWindows(context: YamlRuleContext): void {
  const shell = nodeAt(context.model, ['env', 'shell']);
  if (!isScalar(shell)) return;
  const shellName = scalarSource(context.model, shell as Scalar);
  if (!WINDOWS_SHELLS.test(shellName)) return;
  const places: { readonly owner: unknown; readonly where: string }[] = [
    { owner: context.model.doc.contents, where: 'the buildspec' },
    ...PHASES.map((phase) => ({ owner: nodeAt(context.model, ['phases', phase]), where: `the ${phase} phase` })),
  ];
  for (const { owner, where } of places) {
    const runAs = isMap(owner) ? pairsOf(owner).find((p) => keyName(p) === 'run-as') : undefined;
    if (!runAs) continue;
    context.report(
      LIMIT_RULES.runAsOnWindows,
      context.nodeRange(runAs.key as Scalar),
      `run-as in ${where} works only on Linux images, but env.shell is ${shellName}, a Windows shell.`,
    );
  }
}
