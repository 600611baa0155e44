import type { Node, Pair, YAMLMap } from 'yaml';
import type { AppSpecPlatform } from '../../../protocol/status';
import type { YamlRuleContext } from '../../yaml/context';
import { deleteBlock, pairBlock } from '../../yaml/edits';
import { keyName } from '../../yaml/model';
import { validateNode, type SchemaRules } from '../../yaml/validate';
import { APPSPEC_SPEC } from '../spec';
import { define } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** The platform's AppSpec specification as data (knowledge/appspec/spec.json): keys, shapes, values, required keys. */

export const SCHEMA_RULES = {
  unknownKey: define('APS020', 'unknown-key', 'error', 'The key is not part of the AppSpec for this compute platform.'),
  wrongType: define('APS021', 'wrong-type', 'error', 'The value has the wrong shape.'),
  invalidValue: define('APS022', 'invalid-value', 'error', 'The value is not one the key accepts.'),
  missingKey: define('APS023', 'missing-key', 'error', 'A required key is missing (os, source/destination, object, location, resource properties…).'),
  tooManyEntries: define('APS024', 'one-name-per-item', 'error', 'Each item of Resources and Hooks is a mapping with exactly one name.'),
  deprecatedKey: define('APS025', 'deprecated-key', 'warning', 'The key is deprecated.'),
  wrongVersionKey: define('APS026', 'key-of-other-version', 'error', 'The key belongs to another AppSpec version.'),
  commandIsMapping: define('APS027', 'value-is-mapping', 'error', 'An unquoted ": " turned a value into a mapping.'),
} satisfies Record<string, RuleDefinition>;

export function checkSchema(context: YamlRuleContext, root: YAMLMap, platform: AppSpecPlatform): void {
  validateNode(context, root, APPSPEC_SPEC.platforms[platform].root, [], {
    rules: schemaRules(),
    label: `${APPSPEC_SPEC.platforms[platform].label} AppSpec`,
    caseInsensitiveKeys: platform !== 'ec2',
    // The version rule owns "version" (missing, unsupported, quoted), with its own codes.
    ownedKeys: ['version'],
    claimUnknownKey: (path, pair) => platform === 'ec2' && claimIgnoredFileKey(context, path, pair),
  });
}

/**
 * `overwrite: yes` under files is a common belief, not an AppSpec key: the agent reads only
 * source and destination there and ignores the rest, so the deployment is not broken by it, but
 * nothing is overwritten either. file_exists_behavior is what does that.
 */
function claimIgnoredFileKey(context: YamlRuleContext, path: readonly string[], pair: Pair): boolean {
  if (path.length !== 2 || path[0] !== 'files' || path[1] !== '[]' || keyName(pair) !== 'overwrite') return false;
  const block = pairBlock(context, pair);
  context.report(
    SCHEMA_RULES.unknownKey,
    context.nodeRange(pair.key as Node),
    '"overwrite" is ignored by the CodeDeploy agent: it is not an AppSpec key, and only source and destination are read here. To replace files that already exist on the instance, set file_exists_behavior: OVERWRITE at the top level.',
    { severity: 'warning', fixes: block ? [{ title: 'Remove overwrite', edits: [deleteBlock(context, block)], preferred: true }] : [] },
  );
  return true;
}

function schemaRules(): SchemaRules {
  const rules = SCHEMA_RULES;
  return { ...rules, wrongVersion: rules.wrongVersionKey, deprecated: rules.deprecatedKey };
}
