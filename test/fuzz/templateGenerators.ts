import fc from 'fast-check';

// Templates: resources that hold policies (where the template kind renders them for the IAM kind),
// intrinsics in their places, and SAM's Policies forms.
const POLICY_HOLDERS: readonly [string, string][] = [
  ['AWS::IAM::Role', 'AssumeRolePolicyDocument'],
  ['AWS::IAM::ManagedPolicy', 'PolicyDocument'],
  ['AWS::S3::BucketPolicy', 'PolicyDocument'],
  ['AWS::KMS::Key', 'KeyPolicy'],
  ['AWS::Organizations::Policy', 'Content'],
  ['AWS::Serverless::Function', 'Policies'],
  ['AWS::Lambda::Permission', 'Action'],
];
const INTRINSICS = [
  '{"Fn::GetAtt": ["Queue", "Arn"]}',
  '{"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/*"}',
  '{"Ref": "Topic"}',
  '{"Ref": "Missing"}',
  '{"Fn::Join": ["", ["arn:aws:s3:::", {"Ref": "Bucket"}]]}',
  '"lambda:InvokeFunctions"',
  '"s3.amazonaws.com"',
];
/** A template's resources as JSON (which YAML also reads), with an intrinsic in one statement's Resource. */
function templateResources(template: {
  sam: boolean;
  resources: { holder: readonly [string, string]; policy: unknown; intrinsic: string; asString: boolean }[];
}) {
  const resources: Record<string, unknown> = { Bucket: { Type: 'AWS::S3::Bucket' }, Queue: { Type: 'AWS::SQS::Queue' }, Topic: { Type: 'AWS::SNS::Topic' } };
  template.resources.forEach(({ holder: [type, property], policy, intrinsic, asString }, index) => {
    const withIntrinsic = JSON.parse(JSON.stringify(policy).replace('"arn:aws:s3:::bucket"', intrinsic.startsWith('{') ? intrinsic : '"arn:aws:s3:::bucket"'));
    const value = property === 'Action' ? JSON.parse(intrinsic) : asString && property !== 'Policies' ? JSON.stringify(withIntrinsic) : withIntrinsic;
    const properties: Record<string, unknown> = {
      [property]: property === 'Policies' ? [withIntrinsic, { S3ReadPolicy: { BucketName: { Ref: 'Bucket' } } }] : value,
    };
    if (type === 'AWS::Organizations::Policy') properties.Type = 'SERVICE_CONTROL_POLICY';
    if (type === 'AWS::Lambda::Permission') Object.assign(properties, { FunctionName: { Ref: 'Fn' }, Principal: 's3.amazonaws.com' });
    resources[`R${index}`] = { Type: type, Properties: properties };
  });
  return { AWSTemplateFormatVersion: '2010-09-09', ...(template.sam ? { Transform: 'AWS::Serverless-2016-10-31' } : {}), Resources: resources };
}

/**
 * Generators of whole templates (YAML and JSON) around generated policies: built from the
 * policy generator of generators.ts, which passes its own in (the two modules would otherwise
 * import each other).
 */
export function templateTexts(policyObject: fc.Arbitrary<unknown>, indents: fc.Arbitrary<string | number | undefined>) {
  const templateResource = fc.record({
    holder: fc.constantFrom(...POLICY_HOLDERS),
    policy: policyObject,
    intrinsic: fc.constantFrom(...INTRINSICS),
    asString: fc.boolean(),
  });
  const templateObject = fc.record({
    sam: fc.boolean(),
    resources: fc.array(templateResource, { minLength: 1, maxLength: 4 }),
  });

  const json = fc.tuple(templateObject, indents).map(([template, indent]) => JSON.stringify(templateResources(template), null, indent));

  /** YAML templates: block mappings down to each resource's properties, flow (JSON) values below, and short-form intrinsics. */
  const yaml = templateObject.map((template) => {
    const object = templateResources(template);
    const lines = [`AWSTemplateFormatVersion: "2010-09-09"`, ...(template.sam ? ['Transform: AWS::Serverless-2016-10-31'] : []), 'Resources:'];
    for (const [name, resource] of Object.entries(object.Resources as Record<string, { Type: string; Properties?: Record<string, unknown> }>)) {
      lines.push(`  ${name}:`, `    Type: ${resource.Type}`);
      if (!resource.Properties) continue;
      lines.push('    Properties:');
      for (const [key, value] of Object.entries(resource.Properties)) {
        const flow = JSON.stringify(value).replace(/\{"Ref": ?"(\w+)"\}/g, '!Ref $1');
        lines.push(`      ${key}: ${flow}`);
      }
    }
    return `${lines.join('\n')}\n`;
  });
  return { json, yaml };
}
