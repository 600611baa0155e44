import { findPair, isSeq, keyName, pairsOf, type YamlModel } from '../yaml/model';
import type { AppSpecPlatform } from './detect';

/** The hooks an AppSpec defines: EC2 keys of `hooks`, or the names in Lambda/ECS `Hooks` items. */
export function definedHooks(model: YamlModel, platform: AppSpecPlatform): Set<string> {
  const root = model.doc.contents;
  if (platform === 'ec2') return new Set(pairsOf(findPair(root, 'hooks')?.value).map((p) => keyName(p) ?? ''));
  const hooks = pairsOf(root).find((p) => (keyName(p) ?? '').toLowerCase() === 'hooks')?.value;
  return new Set(isSeq(hooks) ? hooks.items.flatMap((item) => pairsOf(item).map((p) => keyName(p) ?? '')) : []);
}
