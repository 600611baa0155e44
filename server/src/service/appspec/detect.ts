import type { YamlModel } from '../yaml/model';
import { findPair, isMap, isScalar, isSeq, keyName, pairsOf } from '../yaml/model';

export type AppSpecPlatform = 'ec2' | 'lambda' | 'ecs';
export function isPlatform(value: unknown): value is AppSpecPlatform {
  return value === 'ec2' || value === 'lambda' || value === 'ecs';
}

const OVERRIDE = /^\s*#\s*aws-study-hints:\s*platform\s*=\s*(ec2|lambda|ecs)\b/im;

/**
 * The compute platform, in order: a `# aws-study-hints: platform=ecs` comment, a configured
 * glob, then the content (os/files/permissions → EC2; the resource's Type → Lambda or ECS).
 */
export function detectPlatform(
  model: YamlModel,
  configured?: AppSpecPlatform,
): { platform: AppSpecPlatform; source: 'comment' | 'setting' | 'content' | 'default' } {
  const comment = OVERRIDE.exec(model.text.slice(0, 2000))?.[1];
  if (isPlatform(comment)) return { platform: comment, source: 'comment' };
  if (configured) return { platform: configured, source: 'setting' };
  const root = model.doc.contents;
  if (!isMap(root)) return { platform: 'ec2', source: 'default' };
  const keys = pairsOf(root).map((p) => keyName(p) ?? '');
  if (keys.some((k) => k === 'os' || k === 'files' || k === 'permissions' || k === 'file_exists_behavior')) return { platform: 'ec2', source: 'content' };
  const resources = pairsOf(root).find((p) => (keyName(p) ?? '').toLowerCase() === 'resources')?.value;
  if (isSeq(resources)) {
    for (const item of resources.items) {
      for (const named of pairsOf(item)) {
        const body = named.value;
        const type = pairsOf(body).find((p) => (keyName(p) ?? '').toLowerCase() === 'type')?.value;
        const typeText = isScalar(type) ? String(type.value) : '';
        if (/^AWS::ECS::Service$/i.test(typeText)) return { platform: 'ecs', source: 'content' };
        if (/^AWS::Lambda::Function$/i.test(typeText)) return { platform: 'lambda', source: 'content' };
        const properties = pairsOf(body).find((p) => (keyName(p) ?? '').toLowerCase() === 'properties')?.value;
        const propertyNames = pairsOf(properties).map((p) => (keyName(p) ?? '').toLowerCase());
        if (propertyNames.includes('taskdefinition') || propertyNames.includes('loadbalancerinfo')) return { platform: 'ecs', source: 'content' };
        if (propertyNames.includes('currentversion') || propertyNames.includes('alias')) return { platform: 'lambda', source: 'content' };
      }
    }
  }
  // A hooks mapping (event → scripts) is the EC2 form; Lambda and ECS list their hooks.
  const hooks = findPair(root, 'hooks')?.value;
  if (isMap(hooks)) return { platform: 'ec2', source: 'content' };
  return { platform: 'ec2', source: 'default' };
}
