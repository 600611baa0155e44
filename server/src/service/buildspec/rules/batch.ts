import type { Scalar } from 'yaml';
import { nearest } from '../../common/suggest';
import type { YamlRuleContext } from '../../yaml/context';
import { findPair, isMap, isScalar, isSeq, keyName, nodeAt, pairsOf, scalarSource } from '../../yaml/model';
import { define, BATCH } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** batch: exactly one build type, unique identifiers, depend-on naming defined builds; cache keys. */

export const BATCH_RULES = {
  batchBuildType: define('BSP051', 'batch-build-type', 'error', 'batch takes exactly one of build-list, build-matrix, build-graph, build-fanout.', BATCH),
  duplicateBatchIdentifier: define('BSP052', 'duplicate-batch-identifier', 'error', 'Batch build identifiers must be unique.', BATCH),
  unknownDependency: define('BSP053', 'unknown-dependency', 'error', 'depend-on names an identifier that no build in the graph has.', BATCH),
  fallbackKeysWithoutKey: define('BSP050', 'fallback-keys-without-key', 'warning', 'cache.fallback-keys are ignored unless cache.key is set.'),
} satisfies Record<string, RuleDefinition>;

const BUILD_TYPES = ['build-list', 'build-matrix', 'build-graph', 'build-fanout'] as const;

export function checkBatch(context: YamlRuleContext): void {
  const batchPair = findPair(context.model.doc.contents, 'batch');
  if (!batchPair || !isMap(batchPair.value)) return;
  // In the order they appear, so the second one written is the one reported.
  const present = pairsOf(batchPair.value).filter((p) => (BUILD_TYPES as readonly string[]).includes(keyName(p) ?? ''));
  if (present.length === 0) {
    context.report(BATCH_RULES.batchBuildType, context.nodeRange(batchPair.key as Scalar), `batch needs one build type: ${BUILD_TYPES.join(', ')}.`);
  }
  for (const extra of present.slice(1)) {
    context.report(
      BATCH_RULES.batchBuildType,
      context.nodeRange(extra.key as Scalar),
      `batch takes exactly one build type, and "${String((present[0]!.key as Scalar).value)}" is already given.`,
    );
  }
  for (const type of ['build-list', 'build-graph']) {
    const builds = findPair(batchPair.value, type)?.value;
    if (!isSeq(builds)) continue;
    const identifiers = new Map<string, Scalar>();
    for (const build of builds.items) {
      const id = isMap(build) ? findPair(build, 'identifier')?.value : undefined;
      if (!isScalar(id) || id.value === null) continue;
      const name = scalarSource(context.model, id as Scalar);
      if (identifiers.has(name)) {
        context.report(BATCH_RULES.duplicateBatchIdentifier, context.nodeRange(id), `Identifier "${name}" is used by another build of this batch.`);
      } else identifiers.set(name, id as Scalar);
    }
    if (type !== 'build-graph') continue;
    for (const build of builds.items) {
      const dependsOn = isMap(build) ? findPair(build, 'depend-on')?.value : undefined;
      const items = isSeq(dependsOn) ? dependsOn.items : isScalar(dependsOn) ? [dependsOn] : [];
      for (const item of items) {
        if (!isScalar(item) || item.value === null) continue;
        const name = scalarSource(context.model, item as Scalar);
        if (identifiers.has(name)) continue;
        const suggestion = nearest(name, identifiers.keys());
        context.report(
          BATCH_RULES.unknownDependency,
          context.nodeRange(item),
          `No build in this graph has identifier "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ` Identifiers: ${[...identifiers.keys()].join(', ')}.`}`,
          {
            fixes: suggestion
              ? [{ title: `Change to "${suggestion}"`, edits: [{ range: context.nodeRange(item), newText: suggestion }], preferred: true }]
              : [],
          },
        );
      }
    }
  }
}

/**
 * True when every build of the batch names a buildspec of its own (build-list and build-graph
 * items, or the build-matrix's dynamic buildspec list): CodeBuild then runs those files, and this
 * one needs no phases. A build without one runs this file, as does build-fanout.
 */
export function batchSuppliesBuildspecs(context: YamlRuleContext): boolean {
  const batch = nodeAt(context.model, ['batch']);
  if (!isMap(batch)) return false;
  const named = (node: unknown) => isScalar(node) && node.value !== null && String(node.value).trim() !== '';
  for (const type of ['build-list', 'build-graph']) {
    const builds = findPair(batch, type)?.value;
    if (isSeq(builds)) return builds.items.length > 0 && builds.items.every((build) => isMap(build) && named(findPair(build, 'buildspec')?.value));
  }
  const buildspecs = findPair(findPair(findPair(batch, 'build-matrix')?.value, 'dynamic')?.value, 'buildspec')?.value;
  if (isSeq(buildspecs)) return buildspecs.items.length > 0 && buildspecs.items.every(named);
  return named(buildspecs);
}

export function checkCache(context: YamlRuleContext): void {
  const cache = nodeAt(context.model, ['cache']);
  if (!isMap(cache)) return;
  const fallback = findPair(cache, 'fallback-keys');
  if (fallback && !findPair(cache, 'key')) {
    context.report(
      BATCH_RULES.fallbackKeysWithoutKey,
      context.nodeRange(fallback.key as Scalar),
      'cache.fallback-keys are only used when cache.key is set; add a key (e.g. key: npm-$(codebuild-hash-files package-lock.json)).',
    );
  }
}
