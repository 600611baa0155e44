import type { YAMLMap } from 'yaml';
import type { YamlRuleContext } from '../../yaml/context';
import type { SpecNode } from '../../yaml/spec';
import { validateNode, type SchemaRules } from '../../yaml/validate';
import { BUILDSPEC_SPEC } from '../spec';
import { claimMisplacedRuntimeVersions } from './runtimes';
import { define } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** The buildspec specification as data (knowledge/buildspec/spec.json): keys, shapes, values, required keys, versions. */

export const SCHEMA_RULES = {
  unknownKey: define('BSP020', 'unknown-key', 'error', 'The key is not part of the buildspec specification.'),
  wrongType: define(
    'BSP021',
    'wrong-type',
    'error',
    'The value has the wrong shape (a single value where a list is needed, a list where a mapping is needed…).',
  ),
  invalidValue: define('BSP022', 'invalid-value', 'error', 'The value is not one the key accepts.'),
  missingKey: define('BSP023', 'missing-key', 'error', 'A required key is missing (phases, commands of a phase, files of artifacts or reports…).'),
  wrongVersionKey: define(
    'BSP013',
    'key-of-other-version',
    'error',
    'The key belongs to the other buildspec version (0.1 environment_variables/plaintext vs 0.2 env/variables).',
  ),
  deprecatedKey: define('BSP024', 'deprecated-key', 'warning', 'The key is deprecated in buildspec 0.2.'),
  tooManyEntries: define(
    'BSP025',
    'too-many-entries',
    'error',
    'A project can have at most 5 report groups.',
    'https://docs.aws.amazon.com/codebuild/latest/userguide/report-group-create-buildspec.html',
  ),
  commandIsMapping: define(
    'BSP026',
    'command-is-mapping',
    'error',
    'An unquoted ": " turned a command into a YAML mapping (CodeBuild: "found subkeys instead").',
  ),
} satisfies Record<string, RuleDefinition>;

/**
 * `phasesOptional`: a batch whose every build names its own buildspec never runs this file's
 * phases, so CodeBuild needs none here (see batchSuppliesBuildspecs).
 */
export function checkSchema(context: YamlRuleContext, root: YAMLMap, version: string | undefined, phasesOptional = false): void {
  validateNode(context, root, phasesOptional ? WITHOUT_REQUIRED_PHASES : VALIDATED_ROOT, [], {
    rules: schemaRules(),
    version,
    label: 'buildspec',
    // The version rule owns "version" (missing, unsupported, quoted), with its own codes.
    ownedKeys: ['version'],
    claimUnknownKey: (path, pair) => claimMisplacedRuntimeVersions(context, path, pair),
  });
}

/**
 * The specification as the validator applies it: env.shell is checked by rules/env.ts, which
 * tells a bare "powershell" (a warning) from a shell CodeBuild does not have (an error); hovers
 * and completion still offer its documented values.
 */
const VALIDATED_ROOT = withKey(BUILDSPEC_SPEC.root, 'env', (env) => withKey(env, 'shell', (shell) => ({ ...shell, type: 'string' })));
const WITHOUT_REQUIRED_PHASES = withKey(VALIDATED_ROOT, 'phases', (phases) => ({ ...phases, required: false }));

function withKey(node: SpecNode, key: string, change: (child: SpecNode) => SpecNode): SpecNode {
  return { ...node, keys: { ...node.keys, [key]: change(node.keys![key]!) } };
}

function schemaRules(): SchemaRules {
  const rules = SCHEMA_RULES;
  return { ...rules, wrongVersion: rules.wrongVersionKey, deprecated: rules.deprecatedKey };
}
