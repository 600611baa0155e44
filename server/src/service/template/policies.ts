import type { PolicyKind } from '../../protocol/status';
import { isJsonStringPolicy } from './stringPolicy';
import { entryValue, scalarString, type TIntrinsic, type TMap, type TNode, type TScalar } from './tree';

/**
 * Where IAM policies live in a template: which resource types carry one, under which property,
 * and which kind of policy each is. Policies written as a mapping or as a JSON string (also under
 * `!Sub`) are returned; a policy that is another intrinsic (`!If`, `!Join`) is left alone rather than guessed.
 */

export interface EmbeddedPolicy {
  /** The policy document as written: a mapping, or a JSON string (see stringPolicy.ts). */
  readonly node: TMap | TScalar | TIntrinsic;
  readonly kind: PolicyKind;
  /** The logical ID of the resource that holds it. */
  readonly resource: string;
  readonly resourceType: string;
  /** The property path, e.g. "Policies[0].PolicyDocument", for the status and hovers. */
  readonly path: string;
  /** Names of policy rules that do not apply where this policy lives. */
  readonly exempt?: readonly string[];
}

/**
 * An ECR repository policy names no Resource: the repository it is set on is the resource
 * (AWS's own examples have none), so "missing Resource" does not apply there.
 */
const EXEMPTIONS: Readonly<Record<string, readonly string[]>> = { 'AWS::ECR::Repository': ['iam/missing-resource'] };

type Finder = (properties: TNode, found: (node: TNode | undefined, kind: PolicyKind, path: string) => void) => void;

/** Policies under one property. */
const at =
  (property: string, kind: PolicyKind): Finder =>
  (properties, found) =>
    found(entryValue(properties, property), kind, property);

/** `Policies: [{PolicyName, PolicyDocument}]` of IAM roles, users and groups. */
const inlinePolicies: Finder = (properties, found) => {
  const list = entryValue(properties, 'Policies');
  if (list?.type !== 'seq') return;
  list.items.forEach((item, index) => {
    found(entryValue(item, 'PolicyDocument'), 'identity', `Policies[${index}].PolicyDocument`);
  });
};

/** SAM's `Policies`: a managed policy name or ARN, a SAM policy template, an inline document, or a list of those. */
const samPolicies: Finder = (properties, found) => {
  const value = entryValue(properties, 'Policies');
  const items = value?.type === 'seq' ? value.items : value ? [value] : [];
  items.forEach((item, index) => {
    // Only a mapping with a Statement is a policy document; {S3ReadPolicy: {…}} is a SAM policy template.
    if (item.type === 'map' && item.entries.some((entry) => entry.key === 'Statement')) {
      found(item, 'identity', value?.type === 'seq' ? `Policies[${index}]` : 'Policies');
    }
  });
  found(entryValue(properties, 'AssumeRolePolicyDocument'), 'trust', 'AssumeRolePolicyDocument');
};

const ORGANIZATIONS_KINDS: Readonly<Record<string, PolicyKind>> = { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' };

const FINDERS: Readonly<Record<string, readonly Finder[]>> = {
  'AWS::IAM::Role': [at('AssumeRolePolicyDocument', 'trust'), inlinePolicies],
  'AWS::IAM::User': [inlinePolicies],
  'AWS::IAM::Group': [inlinePolicies],
  'AWS::IAM::Policy': [at('PolicyDocument', 'identity')],
  'AWS::IAM::ManagedPolicy': [at('PolicyDocument', 'identity')],
  'AWS::IAM::RolePolicy': [at('PolicyDocument', 'identity')],
  'AWS::IAM::UserPolicy': [at('PolicyDocument', 'identity')],
  'AWS::IAM::GroupPolicy': [at('PolicyDocument', 'identity')],
  'AWS::S3::BucketPolicy': [at('PolicyDocument', 'resource')],
  'AWS::SQS::QueuePolicy': [at('PolicyDocument', 'resource')],
  'AWS::SQS::QueueInlinePolicy': [at('PolicyDocument', 'resource')],
  'AWS::SNS::TopicPolicy': [at('PolicyDocument', 'resource')],
  'AWS::SNS::TopicInlinePolicy': [at('PolicyDocument', 'resource')],
  'AWS::KMS::Key': [at('KeyPolicy', 'resource')],
  'AWS::KMS::ReplicaKey': [at('KeyPolicy', 'resource')],
  'AWS::SecretsManager::ResourcePolicy': [at('ResourcePolicy', 'resource')],
  'AWS::ECR::Repository': [at('RepositoryPolicyText', 'resource')],
  'AWS::ApiGateway::RestApi': [at('Policy', 'resource')],
  'AWS::EFS::FileSystem': [at('FileSystemPolicy', 'resource')],
  'AWS::Backup::BackupVault': [at('AccessPolicy', 'resource')],
  'AWS::OpenSearchService::Domain': [at('AccessPolicies', 'resource')],
  'AWS::EC2::VPCEndpoint': [at('PolicyDocument', 'endpoint')],
  'AWS::Logs::ResourcePolicy': [at('PolicyDocument', 'resource')],
  'AWS::Serverless::Function': [samPolicies],
  'AWS::Serverless::StateMachine': [samPolicies],
  'AWS::Organizations::Policy': [
    (properties, found) => {
      const kind = ORGANIZATIONS_KINDS[scalarString(entryValue(properties, 'Type')) ?? ''];
      if (kind) found(entryValue(properties, 'Content'), kind, 'Content');
    },
  ],
};

/** Every resource of the template with its logical ID, type and properties. */
export function resourcesOf(root: TNode | undefined): { name: string; type: string; properties: TNode | undefined }[] {
  const resources = entryValue(root, 'Resources');
  if (resources?.type !== 'map') return [];
  return resources.entries.map((entry) => ({
    name: entry.key,
    type: scalarString(entryValue(entry.value, 'Type')) ?? '',
    properties: entryValue(entry.value, 'Properties'),
  }));
}

export function embeddedPolicies(root: TNode | undefined): EmbeddedPolicy[] {
  const policies: EmbeddedPolicy[] = [];
  for (const resource of resourcesOf(root)) {
    const finders = FINDERS[resource.type];
    if (!finders || !resource.properties) continue;
    for (const finder of finders) {
      finder(resource.properties, (node, kind, path) => {
        if (node?.type === 'map' || isJsonStringPolicy(node)) {
          policies.push({ node, kind, resource: resource.name, resourceType: resource.type, path, exempt: EXEMPTIONS[resource.type] });
        }
      });
    }
  }
  return policies;
}
