import type { Node, Scalar } from 'yaml';
import type { YamlRuleContext } from '../../yaml/context';
import { isMap, isScalar, isSeq, pairsOf, scalarSource } from '../../yaml/model';
import { findPairInsensitive } from './hooks';
import { define, RESOURCES } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** Lambda and ECS resources: one resource, function versions, task definition, ports, networking, capacity providers. */

export const RESOURCE_RULES = {
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
} satisfies Record<string, RuleDefinition>;

/** A template value left for a person or a tool to replace: the placeholder rule reports it. */
function isPlaceholder(source: string): boolean {
  return /<[A-Za-z][\w .-]*>/.test(source);
}

const TASK_DEFINITION = /^arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]+(:\d+)?$/;

/** The properties mapping of the (first) resource, and the Resources pair itself. */
function resourceProperties(context: YamlRuleContext, platform: 'lambda' | 'ecs') {
  const resources = findPairInsensitive(context.model.doc.contents, 'Resources');
  if (!resources) return undefined;
  const items = isSeq(resources.value) ? resources.value.items : [];
  if (items.length !== 1) {
    context.report(
      RESOURCE_RULES.resourceCount,
      context.nodeRange(resources.key as Scalar),
      `A ${platform === 'lambda' ? 'Lambda' : 'ECS'} AppSpec deploys exactly one ${platform === 'lambda' ? 'function' : 'service (TargetService)'}; Resources has ${items.length}.`,
    );
  }
  const body = pairsOf(items[0])[0]?.value;
  const properties = findPairInsensitive(body, 'Properties')?.value;
  return isMap(properties) ? properties : undefined;
}

function scalarOf(context: YamlRuleContext, map: unknown, name: string): { node: Scalar; source: string } | undefined {
  const value = findPairInsensitive(map, name)?.value;
  if (!isScalar(value) || value.value === null) return undefined;
  return { node: value as Scalar, source: scalarSource(context.model, value as Scalar) };
}

export function checkLambdaResources(context: YamlRuleContext): void {
  const properties = resourceProperties(context, 'lambda');
  if (!properties) return;
  const current = scalarOf(context, properties, 'CurrentVersion');
  const target = scalarOf(context, properties, 'TargetVersion');
  for (const version of [current, target]) {
    if (version && !isPlaceholder(version.source) && !/^[1-9]\d*$/.test(version.source)) {
      context.report(
        RESOURCE_RULES.invalidFunctionVersion,
        context.nodeRange(version.node),
        `"${version.source}" is not a published function version: use a positive whole number (not $LATEST or an alias).`,
      );
    }
  }
  if (current && target && current.source === target.source && /^[1-9]\d*$/.test(current.source)) {
    context.report(
      RESOURCE_RULES.invalidFunctionVersion,
      context.nodeRange(target.node),
      `TargetVersion equals CurrentVersion (${current.source}): the deployment would shift traffic to the version already live.`,
      { severity: 'warning' },
    );
  }
}

export function checkEcsResources(context: YamlRuleContext): void {
  const properties = resourceProperties(context, 'ecs');
  if (!properties) return;
  const taskDefinition = scalarOf(context, properties, 'TaskDefinition');
  if (taskDefinition && !isPlaceholder(taskDefinition.source) && !TASK_DEFINITION.test(taskDefinition.source) && !taskDefinition.source.includes('${')) {
    const arn = taskDefinition.source.startsWith('arn:');
    context.report(
      RESOURCE_RULES.invalidTaskDefinition,
      context.nodeRange(taskDefinition.node),
      arn
        ? `"${taskDefinition.source}" is not a well-formed task definition ARN: write arn:aws:ecs:region:account:task-definition/name:revision.`
        : `"${taskDefinition.source}" is not a task definition ARN: CodeDeploy needs arn:aws:ecs:region:account:task-definition/name:revision here, unless a tool fills it in before the deployment (the amazon-ecs-deploy-task-definition GitHub Action replaces this value; CodePipeline's ECS blue/green action replaces <TASK_DEFINITION>).`,
      // A name or a placeholder word may well be replaced by the tool that starts the deployment.
      arn ? {} : { severity: 'warning' },
    );
  }
  const platformVersion = scalarOf(context, properties, 'PlatformVersion');
  if (platformVersion && !/^(LATEST|\d+\.\d+\.\d+)$/i.test(platformVersion.source)) {
    context.report(
      RESOURCE_RULES.invalidPlatformVersion,
      context.nodeRange(platformVersion.node),
      `"${platformVersion.source}" is not a Fargate platform version: use LATEST or a version such as 1.4.0.`,
    );
  }
  const loadBalancer = findPairInsensitive(properties, 'LoadBalancerInfo')?.value;
  const port = scalarOf(context, loadBalancer, 'ContainerPort');
  if (port && !isPlaceholder(port.source)) {
    const quoted = port.node.type === 'QUOTE_DOUBLE' || port.node.type === 'QUOTE_SINGLE';
    const number = /^\d+$/.test(port.source) ? Number(port.source) : Number.NaN;
    if (!Number.isInteger(number) || number < 1 || number > 65535) {
      context.report(
        RESOURCE_RULES.invalidContainerPort,
        context.nodeRange(port.node),
        `ContainerPort must be a port number from 1 to 65535, not ${quoted ? `"${port.source}"` : port.source}.`,
      );
    } else if (quoted) {
      // A port written as a string: the reference defines a number, but whether CodeDeploy refuses "80" is not documented.
      context.report(
        RESOURCE_RULES.invalidContainerPort,
        context.nodeRange(port.node),
        `ContainerPort is written as the string "${port.source}"; the AppSpec reference defines it as a number: write ${port.source} without quotes.`,
        {
          severity: 'warning',
          fixes: [{ title: `Write ${port.source} without quotes`, edits: [{ range: context.nodeRange(port.node), newText: port.source }], preferred: true }],
        },
      );
    }
  }
  const network = findPairInsensitive(properties, 'NetworkConfiguration')?.value;
  const awsvpc = findPairInsensitive(network, 'AwsvpcConfiguration');
  if (awsvpc && isMap(awsvpc.value)) {
    const required = ['Subnets', 'SecurityGroups', 'AssignPublicIp'];
    const missing = required.filter((name) => !findPairInsensitive(awsvpc.value, name));
    if (missing.length > 0) {
      context.report(
        RESOURCE_RULES.incompleteNetworkConfiguration,
        context.nodeRange(awsvpc.key as Scalar),
        `AwsvpcConfiguration needs Subnets, SecurityGroups and AssignPublicIp together; missing ${missing.join(', ')}.`,
      );
    }
  }
  const strategy = findPairInsensitive(properties, 'CapacityProviderStrategy');
  if (strategy && isSeq(strategy.value)) {
    const items = strategy.value.items as Node[];
    const withBase = items.filter((item) => {
      const base = scalarOf(context, item, 'Base');
      return base !== undefined && base.source !== '0';
    });
    if (withBase.length > 1) {
      context.report(
        RESOURCE_RULES.invalidCapacityProviders,
        context.nodeRange(strategy.key as Scalar),
        `Only one capacity provider may define a Base; ${withBase.length} do.`,
      );
    }
    const weighted = items.some((item) => {
      const weight = scalarOf(context, item, 'Weight');
      return weight !== undefined && Number(weight.source) > 0;
    });
    if (items.length > 0 && !weighted) {
      context.report(
        RESOURCE_RULES.invalidCapacityProviders,
        context.nodeRange(strategy.key as Scalar),
        'At least one capacity provider needs a Weight greater than 0.',
      );
    }
  }
}
