import { ruleDefiner, type RuleDefinition } from '../../common/findings';

/** Every AppSpec rule with its stable code (see docs/rules.md). */

const BASE = 'https://docs.aws.amazon.com/codedeploy/latest/userguide/';
const REF = `${BASE}reference-appspec-file-structure.html`;
const HOOKS = `${BASE}reference-appspec-file-structure-hooks.html`;
const FILES = `${BASE}reference-appspec-file-structure-files.html`;
const PERMISSIONS = `${BASE}reference-appspec-file-structure-permissions.html`;
const RESOURCES = `${BASE}reference-appspec-file-structure-resources.html`;

const define = ruleDefiner('appspec', REF);

export const APPSPEC_RULES = {
  syntax: define('APS001', 'syntax', 'error', 'The AppSpec is not valid YAML or JSON.'),
  tabIndentation: define('APS002', 'tab-indentation', 'error', 'Tabs cannot indent YAML.'),
  duplicateKey: define('APS003', 'duplicate-key', 'error', 'A key appears twice in one mapping.'),
  notAMapping: define('APS004', 'not-a-mapping', 'error', 'An AppSpec is a mapping that starts with version: 0.0.'),
  jsonForEc2: define(
    'APS005',
    'json-for-ec2',
    'warning',
    'EC2/on-premises deployments read a YAML appspec.yml; JSON AppSpecs are for Lambda and ECS (and local deployments).',
  ),
  missingVersion: define('APS010', 'missing-version', 'error', 'An AppSpec needs version: 0.0.'),
  invalidVersion: define('APS011', 'invalid-version', 'error', 'version must be 0.0, the only value CodeDeploy accepts.'),
  quotedVersion: define(
    'APS012',
    'quoted-version',
    'warning',
    "The EC2/on-premises agent compares version with the number 0.0, so a quoted '0.0' fails there.",
  ),
  unknownKey: define('APS020', 'unknown-key', 'error', 'The key is not part of the AppSpec for this compute platform.'),
  wrongType: define('APS021', 'wrong-type', 'error', 'The value has the wrong shape.'),
  invalidValue: define('APS022', 'invalid-value', 'error', 'The value is not one the key accepts.'),
  missingKey: define('APS023', 'missing-key', 'error', 'A required key is missing (os, source/destination, object, location, resource properties…).'),
  tooManyEntries: define('APS024', 'one-name-per-item', 'error', 'Each item of Resources and Hooks is a mapping with exactly one name.'),
  deprecatedKey: define('APS025', 'deprecated-key', 'warning', 'The key is deprecated.'),
  wrongVersionKey: define('APS026', 'key-of-other-version', 'error', 'The key belongs to another AppSpec version.'),
  commandIsMapping: define('APS027', 'value-is-mapping', 'error', 'An unquoted ": " turned a value into a mapping.'),
  unknownHook: define('APS030', 'unknown-hook', 'error', 'The lifecycle event does not exist on this compute platform.', HOOKS),
  reservedHook: define(
    'APS031',
    'reserved-hook',
    'error',
    'Start, DownloadBundle, Install, BlockTraffic, AllowTraffic, End (and ECS TestTraffic) cannot run scripts.',
    HOOKS,
  ),
  invalidTimeout: define('APS032', 'invalid-timeout', 'error', 'A hook timeout is a whole number of seconds from 1 to 3600.', HOOKS),
  hookTimeoutSum: define(
    'APS033',
    'hook-timeout-sum',
    'warning',
    "The timeouts of one event's scripts add up to more than 3600 seconds, the most one event may take.",
    HOOKS,
  ),
  windowsOnly: define('APS034', 'not-on-windows', 'error', 'permissions and runas work only on Linux instances.', PERMISSIONS),
  relativeDestination: define('APS035', 'relative-destination', 'error', 'files.destination must be an absolute path on the instance.', FILES),
  invalidMode: define(
    'APS036',
    'invalid-mode',
    'error',
    'A permissions mode is 1–4 octal digits; with a leading zero it must be quoted, or YAML reads it as another number.',
    PERMISSIONS,
  ),
  resourceCount: define('APS040', 'resource-count', 'error', 'A Lambda or ECS AppSpec deploys exactly one resource.', RESOURCES),
  invalidFunctionVersion: define('APS041', 'invalid-function-version', 'error', 'CurrentVersion and TargetVersion are different positive integers.', RESOURCES),
  invalidTaskDefinition: define(
    'APS042',
    'invalid-task-definition',
    'error',
    'TaskDefinition is a task definition ARN (or <TASK_DEFINITION> in CodePipeline).',
    RESOURCES,
  ),
  invalidPlatformVersion: define(
    'APS047',
    'invalid-platform-version',
    'error',
    'PlatformVersion is LATEST or a Fargate platform version such as 1.4.0.',
    RESOURCES,
  ),
  invalidContainerPort: define('APS043', 'invalid-container-port', 'error', 'ContainerPort is a port number.', RESOURCES),
  incompleteNetworkConfiguration: define(
    'APS044',
    'incomplete-network-configuration',
    'error',
    'AwsvpcConfiguration takes Subnets, SecurityGroups and AssignPublicIp together.',
    RESOURCES,
  ),
  invalidCapacityProviders: define(
    'APS045',
    'invalid-capacity-providers',
    'error',
    'Only one capacity provider may have a base, and at least one needs a weight above 0.',
    RESOURCES,
  ),
  invalidHookFunction: define('APS046', 'invalid-hook-function', 'error', 'A Lambda/ECS hook names a Lambda function (name or ARN).', HOOKS),
  tooManyProblems: define(
    'APS099',
    'too-many-problems',
    'information',
    'Only the first problems of a very large AppSpec are shown (awsStudyHints.maxProblems).',
  ),
} satisfies Record<string, RuleDefinition>;

export const APPSPEC_RULE_LIST: readonly RuleDefinition[] = Object.values(APPSPEC_RULES);
