import { ruleDefiner, type RuleDefinition } from '../../common/findings';

/** Every buildspec rule with its stable code (see docs/rules.md). */

const REF = 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html';
const BATCH = 'https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html';
const RUNTIMES = 'https://docs.aws.amazon.com/codebuild/latest/userguide/runtime-versions.html';

const define = ruleDefiner('buildspec', REF);

export const BUILDSPEC_RULES = {
  yamlSyntax: define('BSP001', 'yaml-syntax', 'error', 'The buildspec is not valid YAML (CodeBuild: YAML_FILE_ERROR).'),
  tabIndentation: define('BSP002', 'tab-indentation', 'error', 'Tabs cannot indent YAML ("found character that cannot start any token").'),
  duplicateKey: define('BSP003', 'duplicate-key', 'error', 'A key appears twice in one mapping.'),
  notAMapping: define('BSP004', 'not-a-mapping', 'error', 'A buildspec is a mapping of keys such as version and phases.'),
  missingVersion: define('BSP010', 'missing-version', 'error', 'A buildspec needs version: 0.2.'),
  unsupportedVersion: define('BSP011', 'unsupported-version', 'error', 'version must be 0.2 (or the legacy 0.1).'),
  quotedVersion: define('BSP012', 'quoted-version', 'warning', 'A quoted version ("0.2") is reported to break batch builds; write version: 0.2.'),
  wrongVersionKey: define(
    'BSP013',
    'key-of-other-version',
    'error',
    'The key belongs to the other buildspec version (0.1 environment_variables/plaintext vs 0.2 env/variables).',
  ),
  unknownKey: define('BSP020', 'unknown-key', 'error', 'The key is not part of the buildspec specification.'),
  wrongType: define(
    'BSP021',
    'wrong-type',
    'error',
    'The value has the wrong shape (a single value where a list is needed, a list where a mapping is needed…).',
  ),
  invalidValue: define('BSP022', 'invalid-value', 'error', 'The value is not one the key accepts.'),
  missingKey: define('BSP023', 'missing-key', 'error', 'A required key is missing (phases, commands of a phase, files of artifacts or reports…).'),
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
  retryCountOutOfRange: define(
    'BSP027',
    'retry-count-out-of-range',
    'error',
    'A RETRY-<count> in on-failure must be between 0 and 100.',
    `${REF}#build-spec.phases.on-failure`,
  ),
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
  reservedVariable: define('BSP040', 'reserved-variable', 'error', 'Names starting with CODEBUILD_ are reserved for CodeBuild.'),
  plaintextSecret: define(
    'BSP041',
    'plaintext-secret',
    'warning',
    'A secret in env.variables is stored and shown in plain text; use parameter-store or secrets-manager.',
  ),
  malformedSecretReference: define(
    'BSP042',
    'malformed-secret-reference',
    'error',
    'A secrets-manager reference is secret-id:json-key:version-stage:version-id.',
  ),
  exportedAwsVariable: define('BSP043', 'exported-aws-variable', 'error', 'Variables whose names start with AWS_ cannot be exported.'),
  runAsOnWindows: define(
    'BSP044',
    'run-as-on-windows',
    'warning',
    'run-as works only on Linux images, and env.shell names a Windows shell.',
    `${REF}#build-spec.run-as`,
  ),
  fallbackKeysWithoutKey: define('BSP050', 'fallback-keys-without-key', 'warning', 'cache.fallback-keys are ignored unless cache.key is set.'),
  batchBuildType: define('BSP051', 'batch-build-type', 'error', 'batch takes exactly one of build-list, build-matrix, build-graph, build-fanout.', BATCH),
  duplicateBatchIdentifier: define('BSP052', 'duplicate-batch-identifier', 'error', 'Batch build identifiers must be unique.', BATCH),
  unknownDependency: define('BSP053', 'unknown-dependency', 'error', 'depend-on names an identifier that no build in the graph has.', BATCH),
  fanoutParallelism: define('BSP054', 'fanout-parallelism', 'error', 'build-fanout parallelism must be a whole number of at least 1.', BATCH),
  tooManyFallbackKeys: define(
    'BSP055',
    'too-many-fallback-keys',
    'warning',
    'cache.fallback-keys takes up to five keys.',
    `${REF}#build-spec.cache.fallback-keys`,
  ),
  tooManyProblems: define(
    'BSP099',
    'too-many-problems',
    'information',
    'Only the first problems of a very large buildspec are shown (awsStudyHints.maxProblems).',
  ),
} satisfies Record<string, RuleDefinition>;

export const BUILDSPEC_RULE_LIST: readonly RuleDefinition[] = Object.values(BUILDSPEC_RULES);
