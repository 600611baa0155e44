import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RuleDefinition } from '../../common/findings';
import { rangeOf } from '../../common/text';
import { resourcesOf } from '../policies';
import { getAttTarget } from '../resolve';
import { entryValue, type TNode } from '../tree';
import { define } from './docs';

/**
 * A role handed to a service that its trust policy does not trust: a Lambda function whose
 * `Role` trusts only ec2.amazonaws.com, an ECS task role that trusts ecs.amazonaws.com instead of
 * ecs-tasks.amazonaws.com. The stack fails when the service first tries to assume the role.
 * Only literal trust policies are judged: a Service given through an intrinsic, a statement
 * written as an intrinsic or a Principal that is not a mapping leaves the trust unknown.
 */

const TRUST_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-service.html';

export const ROLE_RULES = {
  roleNotTrustedByService: define(
    'CFN020',
    'role-not-trusted-by-service',
    'error',
    "A resource is given a role whose trust policy does not let that resource's service assume it.",
    TRUST_DOCS,
  ),
} satisfies Record<string, RuleDefinition>;

interface RoleUse {
  readonly property: string;
  readonly service: string;
  /** Other principals that also do (Step Functions' regional endpoints). */
  readonly accepts?: RegExp;
  readonly label: string;
}

const ROLE_USES: Readonly<Record<string, readonly RoleUse[]>> = {
  'AWS::Lambda::Function': [{ property: 'Role', service: 'lambda.amazonaws.com', label: 'Lambda' }],
  'AWS::Serverless::Function': [{ property: 'Role', service: 'lambda.amazonaws.com', label: 'Lambda' }],
  'AWS::CodeBuild::Project': [{ property: 'ServiceRole', service: 'codebuild.amazonaws.com', label: 'CodeBuild' }],
  'AWS::CodePipeline::Pipeline': [{ property: 'RoleArn', service: 'codepipeline.amazonaws.com', label: 'CodePipeline' }],
  'AWS::StepFunctions::StateMachine': [
    { property: 'RoleArn', service: 'states.amazonaws.com', accepts: /^states\.[a-z0-9-]+\.amazonaws\.com$/, label: 'Step Functions' },
  ],
  'AWS::Serverless::StateMachine': [
    { property: 'Role', service: 'states.amazonaws.com', accepts: /^states\.[a-z0-9-]+\.amazonaws\.com$/, label: 'Step Functions' },
  ],
  'AWS::ECS::TaskDefinition': [
    { property: 'TaskRoleArn', service: 'ecs-tasks.amazonaws.com', label: 'ECS tasks' },
    { property: 'ExecutionRoleArn', service: 'ecs-tasks.amazonaws.com', label: 'ECS tasks' },
  ],
};

export function checkRoleTrust(document: TextDocument, root: TNode | undefined): Finding[] {
  const resources = resourcesOf(root);
  const roles = new Map(resources.filter((r) => r.type === 'AWS::IAM::Role').map((r) => [r.name, r.properties]));
  const findings: Finding[] = [];
  for (const resource of resources) {
    for (const use of ROLE_USES[resource.type] ?? []) {
      const value = entryValue(resource.properties, use.property);
      const roleName = roleReference(value);
      if (!value || !roleName || !roles.has(roleName)) continue;
      const trusted = trustedServices(entryValue(roles.get(roleName), 'AssumeRolePolicyDocument'));
      if (!trusted) continue;
      if (trusted.some((service) => service === use.service || use.accepts?.test(service))) continue;
      const now = trusted.length > 0 ? ` (it trusts ${trusted.join(', ')})` : ' (it trusts no service)';
      findings.push({
        code: ROLE_RULES.roleNotTrustedByService.code,
        range: rangeOf(document, value.start, value.end - value.start),
        message: `${roleName}'s trust policy does not trust ${use.service}${now}, so ${use.label} cannot assume the role: add "${use.service}" to its Principal.Service.`,
      });
    }
  }
  return findings;
}

/** The logical ID of `!GetAtt Role.Arn` or `!Sub "${Role.Arn}"`. */
function roleReference(value: TNode | undefined): string | undefined {
  if (value?.type !== 'intrinsic') return undefined;
  if (value.name === 'Fn::GetAtt') {
    const target = getAttTarget(value.argument);
    return target?.attribute === 'Arn' ? target.logicalId : undefined;
  }
  if (value.name === 'Fn::Sub' && value.argument?.type === 'scalar' && typeof value.argument.value === 'string') {
    return /^\$\{([A-Za-z0-9]+)\.Arn\}$/.exec(value.argument.value)?.[1];
  }
  return undefined;
}

/** The services a literal trust policy lets assume the role with sts:AssumeRole; undefined when anything is not literal. */
function trustedServices(policy: TNode | undefined): string[] | undefined {
  if (policy?.type !== 'map') return undefined;
  const statementValue = entryValue(policy, 'Statement');
  const statements = statementValue?.type === 'seq' ? statementValue.items : statementValue ? [statementValue] : [];
  const services: string[] = [];
  for (const statement of statements) {
    if (statement.type !== 'map') return undefined;
    const effect = entryValue(statement, 'Effect');
    if (effect?.type !== 'scalar' || typeof effect.value !== 'string') return undefined;
    if (effect.value !== 'Allow' || !allowsAssumeRole(entryValue(statement, 'Action'))) continue;
    const principal = entryValue(statement, 'Principal');
    if (principal?.type !== 'map') return undefined;
    const service = entryValue(principal, 'Service');
    if (!service) continue;
    for (const item of service.type === 'seq' ? service.items : [service]) {
      if (item.type !== 'scalar' || typeof item.value !== 'string') return undefined;
      services.push(item.value.toLowerCase());
    }
  }
  return services;
}

function allowsAssumeRole(action: TNode | undefined): boolean {
  const items = action?.type === 'seq' ? action.items : action ? [action] : [];
  return items.some((item) => item.type !== 'scalar' || (typeof item.value === 'string' && /^(?:\*|sts:\*|sts:AssumeRole)$/i.test(item.value)));
}
