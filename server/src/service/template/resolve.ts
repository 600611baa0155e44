import type { KindResources } from '../registry/documentKind';
import { cfnAttributeValue, cfnResourceArns, type IamResourceType } from './data/resourceArns';
import { resourcesOf } from './policies';
import type { TNode } from './tree';

/**
 * `!GetAtt Queue.Arn` and `!Ref Topic` as the ARN they will be: the referenced resource's type
 * says which IAM resource type the ARN is (an AWS::SQS::Queue's Arn is a queue), and the
 * catalog says how such an ARN is written. The policy analysis then checks actions against
 * resources through intrinsics. A reference to a parameter, an unknown resource type or an
 * attribute that is not an ARN resolves to nothing, and stays an unknown value.
 */

export type ArnResolver = (logicalId: string, attribute: string | undefined) => string | undefined;

/** The catalog's ARN formats name their variables ${Partition}, ${Region}, ${Account}, then the resource's own. */
const FIXED: Readonly<Record<string, string>> = { Partition: 'aws', Region: 'us-east-1', Account: '123456789012' };

/**
 * Resource types whose ARN, as CloudFormation returns it, ends in more than the catalog's
 * format: a log group's Arn is `…:log-group:name:*`, which also covers its log streams.
 */
const SUFFIXES: Readonly<Record<string, string>> = { 'AWS::Logs::LogGroup': ':*' };

export function arnResolver(root: TNode | undefined, catalog: KindResources['catalog'] | undefined): ArnResolver {
  if (!catalog) return () => undefined;
  const types = new Map(resourcesOf(root).map((resource) => [resource.name, resource.type]));
  // Policies ask about the same few resources again and again.
  const answers = new Map<string, string | undefined>();
  return (logicalId, attribute) => {
    const question = `${logicalId}\n${attribute ?? ''}`;
    if (answers.has(question)) return answers.get(question);
    const answer = resolveArn(types, catalog, logicalId, attribute);
    answers.set(question, answer);
    return answer;
  };
}

function resolveArn(
  types: ReadonlyMap<string, string>,
  catalog: NonNullable<KindResources['catalog']>,
  logicalId: string,
  attribute: string | undefined,
): string | undefined {
  const type = types.get(logicalId);
  if (!type) return undefined;
  let target: IamResourceType | undefined;
  if (attribute === undefined) {
    const arns = cfnResourceArns(type);
    target = arns?.ref === 'arn' ? arns.refResource : undefined;
  } else {
    const value = cfnAttributeValue(type, attribute);
    target = typeof value === 'object' ? value : undefined;
  }
  if (!target) return undefined;
  const format = catalog().resourceType(target.service, target.resourceType)?.arn;
  if (!format) return undefined;
  // The resource's own parts (its name, its ID) are the logical ID: a plausible name, never a wildcard.
  const arn = format.replace(/\$\{([^}]+)\}/g, (_match, name: string) => FIXED[name] ?? logicalId);
  return arn + (SUFFIXES[type] ?? '');
}

/** The logical ID and attribute of `!GetAtt A.B`, `!GetAtt [A, B]` or `{"Fn::GetAtt": ["A", "B"]}`. */
export function getAttTarget(argument: TNode | undefined): { logicalId: string; attribute: string } | undefined {
  if (argument?.type === 'scalar' && typeof argument.value === 'string') {
    const dot = argument.value.indexOf('.');
    return dot > 0 ? { logicalId: argument.value.slice(0, dot), attribute: argument.value.slice(dot + 1) } : undefined;
  }
  if (argument?.type === 'seq' && argument.items.length === 2) {
    const [id, attribute] = argument.items;
    if (id?.type === 'scalar' && attribute?.type === 'scalar' && typeof id.value === 'string' && typeof attribute.value === 'string') {
      return { logicalId: id.value, attribute: attribute.value };
    }
  }
  return undefined;
}
