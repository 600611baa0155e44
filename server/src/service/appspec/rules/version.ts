import type { Scalar } from 'yaml';
import type { YamlRuleContext } from '../../yaml/context';
import { findPair, isMap, isScalar, scalarSource } from '../../yaml/model';
import type { AppSpecPlatform } from '../detect';
import { define } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** version must be 0.0; a quoted '0.0' fails on the EC2/on-premises agent, which compares numbers. */

export const VERSION_RULES = {
  missingVersion: define('APS010', 'missing-version', 'error', 'An AppSpec needs version: 0.0.'),
  invalidVersion: define('APS011', 'invalid-version', 'error', 'version must be 0.0, the only value CodeDeploy accepts.'),
  quotedVersion: define(
    'APS012',
    'quoted-version',
    'warning',
    "The EC2/on-premises agent compares version with the number 0.0, so a quoted '0.0' fails there.",
  ),
} satisfies Record<string, RuleDefinition>;
/**
 * The EC2/on-premises agent refuses any version but 0.0 (its source compares with 0.0). For Lambda
 * and ECS only the reference says so, and what the service does with another value is not
 * documented: a warning there.
 */
function lenient(platform: AppSpecPlatform): { severity?: 'warning' } {
  return platform === 'ec2' ? {} : { severity: 'warning' };
}

function required(platform: AppSpecPlatform): string {
  return platform === 'ec2' ? 'the CodeDeploy agent requires' : 'the AppSpec reference requires';
}

export function checkVersion(context: YamlRuleContext, platform: AppSpecPlatform, json: boolean): void {
  const root = context.model.doc.contents;
  if (!isMap(root)) return;
  const pair = findPair(root, 'version') ?? root.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === 'version');
  if (!pair) {
    const first = root.range?.[0] ?? 0;
    // A line above a flow mapping ({…}) would make a block mapping followed by text: no fix there.
    const fixes =
      json || root.flow ? [] : [{ title: 'Add version: 0.0', edits: [{ range: context.range(first, 0), newText: 'version: 0.0\n' }], preferred: true }];
    context.report(VERSION_RULES.missingVersion, context.range(first, json ? 1 : 0), `The AppSpec has no "version": ${required(platform)} version: 0.0.`, {
      fixes,
      ...lenient(platform),
    });
    return;
  }
  const value = pair.value;
  if (!isScalar(value) || value.value === null) {
    context.report(VERSION_RULES.invalidVersion, context.nodeRange(pair.key as Scalar), '"version" needs the value 0.0.');
    return;
  }
  const source = scalarSource(context.model, value as Scalar);
  if (source !== '0.0') {
    context.report(
      VERSION_RULES.invalidVersion,
      context.nodeRange(value),
      platform === 'ec2'
        ? `version must be 0.0 (the only value the CodeDeploy agent accepts), not ${source}.`
        : `version should be 0.0, the only value the AppSpec reference allows, not ${source}.`,
      {
        fixes: [{ title: 'Use version 0.0', edits: [{ range: context.nodeRange(value), newText: json ? '"0.0"' : '0.0' }], preferred: true }],
        ...lenient(platform),
      },
    );
    return;
  }
  const quoted = (value as Scalar).type === 'QUOTE_DOUBLE' || (value as Scalar).type === 'QUOTE_SINGLE';
  if (quoted && platform === 'ec2' && !json) {
    context.report(
      VERSION_RULES.quotedVersion,
      context.nodeRange(value),
      "The EC2/on-premises agent compares version with the number 0.0, so a quoted '0.0' is rejected there. Write version: 0.0.",
      { fixes: [{ title: 'Unquote: version: 0.0', edits: [{ range: context.nodeRange(value), newText: '0.0' }], preferred: true }] },
    );
  }
}
