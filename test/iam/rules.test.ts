import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicyKind } from '../../server/src/service/iam/model';
import { analyze, applyEdits, markers, policy } from '../helpers';

/**
 * One case per rule: the marked token must be reported with the code at exactly that range,
 * and where a fix is named, applying it must make the finding disappear.
 */
interface Case {
  readonly name: string;
  readonly code: string;
  readonly text: string;
  readonly kind?: PolicyKind;
  readonly fix?: string;
  readonly severity?: string;
}

const s3Read = (extra = '') => `    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"${extra}}`;

const CASES: Case[] = [
  {
    name: 'trailing comma',
    code: 'IAM001',
    text: policy(`    {"Effect": "Allow", "Action": ["s3:GetObject"⟦,⟧], "Resource": "*"}`),
    fix: 'Remove the trailing comma',
  },
  {
    name: 'two trailing commas',
    code: 'IAM001',
    text: policy(`    {"Effect": "Allow", "Action": ["s3:GetObject",\n ⟦,⟧], "Resource": "*"}`),
    fix: 'Remove the trailing commas',
  },
  {
    name: 'duplicate key with same value',
    code: 'IAM002',
    text: policy(`    {"Effect": "Allow", ⟦"Effect"⟧: "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}`),
    fix: 'Remove the duplicate "Effect"',
  },
  { name: 'root is not an object', code: 'IAM003', text: '⟦["Statement"]⟧', kind: 'identity' },
  { name: 'missing version', code: 'IAM010', text: `⟦{⟧\n  "Statement": [${s3Read()}]\n}`, fix: 'Add "Version": "2012-10-17"' },
  { name: 'unknown version', code: 'IAM011', text: `{"Version": ⟦"2012-10-18"⟧, "Statement": [${s3Read()}]}`, fix: 'Use Version "2012-10-17"' },
  { name: 'old version', code: 'IAM012', text: `{"Version": ⟦"2008-10-17"⟧, "Statement": [${s3Read()}]}`, fix: 'Use Version "2012-10-17"' },
  { name: 'top-level typo', code: 'IAM013', text: `{"Version": "2012-10-17", ⟦"Statment"⟧: [${s3Read()}]}`, fix: 'Rename to "Statement"' },
  { name: 'no statement', code: 'IAM014', text: '⟦{⟧"Version": "2012-10-17"}' },
  { name: 'statement is a string', code: 'IAM015', text: '{"Version": "2012-10-17", "Statement": ⟦"Allow all"⟧}' },
  { name: 'action is a number', code: 'IAM016', text: policy('    {"Effect": "Allow", "Action": ⟦42⟧, "Resource": "*"}') },
  { name: 'empty action array', code: 'IAM017', text: policy('    {"Effect": "Allow", "Action": ⟦[]⟧, "Resource": "*"}') },
  {
    name: 'statement key case',
    code: 'IAM020',
    text: policy('    {"Effect": "Allow", ⟦"action"⟧: "s3:GetObject", "Resource": "*"}'),
    fix: 'Rename to "Action"',
  },
  {
    name: 'statement key typo',
    code: 'IAM020',
    text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", ⟦"Resources"⟧: "*"}'),
    fix: 'Rename to "Resource"',
  },
  { name: 'missing effect', code: 'IAM021', text: policy('    {"Sid": "⟦Read⟧", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}') },
  {
    name: 'effect case',
    code: 'IAM022',
    text: policy('    {"Effect": "⟦allow⟧", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'),
    fix: 'Change to "Allow"',
  },
  { name: 'effect nonsense', code: 'IAM022', text: policy('    {"Effect": "⟦Permit⟧", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}') },
  { name: 'missing action', code: 'IAM023', text: policy('    {"Sid": "⟦NoAction⟧", "Effect": "Allow", "Resource": "*"}') },
  {
    name: 'action and notaction',
    code: 'IAM024',
    text: policy('    {"Effect": "Deny", "Action": "s3:GetObject", ⟦"NotAction"⟧: "s3:PutObject", "Resource": "*"}'),
  },
  { name: 'missing resource', code: 'IAM025', text: policy('    {"Sid": "⟦S⟧", "Effect": "Allow", "Action": "s3:GetObject"}') },
  {
    name: 'resource and notresource',
    code: 'IAM026',
    text: policy('    {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*", ⟦"NotResource"⟧: "arn:aws:s3:::b/*"}'),
  },
  {
    name: 'principal and notprincipal',
    code: 'IAM027',
    kind: 'resource',
    text: policy(
      '    {"Effect": "Deny", "Principal": "*", ⟦"NotPrincipal"⟧: {"AWS": "123456789012"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}',
    ),
  },
  {
    name: 'resource policy without principal',
    code: 'IAM028',
    kind: 'resource',
    text: policy('    {"Sid": "⟦NoOne⟧", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'),
  },
  {
    name: 'principal in identity policy',
    code: 'IAM029',
    kind: 'identity',
    text: policy('    {"Effect": "Allow", ⟦"Principal"⟧: "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'),
    fix: 'Remove "Principal"',
  },
  {
    name: 'principal in scp',
    code: 'IAM029',
    kind: 'scp',
    text: policy('    {"Effect": "Deny", ⟦"Principal"⟧: "*", "Action": "s3:GetObject", "Resource": "*"}'),
    fix: 'Remove "Principal"',
  },
  {
    name: 'resource in trust policy',
    code: 'IAM030',
    text: policy('    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", ⟦"Resource"⟧: "*"}'),
    fix: 'Remove "Resource"',
  },
  {
    name: 'sid with a space',
    code: 'IAM031',
    text: policy(`    {"Sid": "⟦Read all⟧", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}`),
    fix: 'Change to "Readall"',
  },
  {
    name: 'sid with a space in a role trust policy',
    code: 'IAM031',
    kind: 'trust',
    text: policy(`    {"Sid": "⟦Trust EC2⟧", "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}`),
    fix: 'Change to "TrustEC2"',
  },
  {
    name: 'duplicate sid',
    code: 'IAM032',
    text: policy(
      `    {"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}`,
      `    {"Sid": "⟦A⟧", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}`,
    ),
  },
  {
    name: 'duplicate action',
    code: 'IAM033',
    text: policy('    {"Effect": "Allow", "Action": ["s3:GetObject", "⟦S3:getobject⟧"], "Resource": "arn:aws:s3:::b/*"}'),
    fix: 'Remove the duplicate "S3:getobject"',
  },
  { name: 'action without colon', code: 'IAM040', text: policy('    {"Effect": "Allow", "Action": "⟦s3GetObject⟧", "Resource": "*"}') },
  {
    name: 'action with a space',
    code: 'IAM040',
    text: policy('    {"Effect": "Allow", "Action": "⟦ec2 :DescribeInstances⟧", "Resource": "*"}'),
    fix: 'Change to "ec2:DescribeInstances"',
  },
  {
    name: 'unknown service',
    code: 'IAM041',
    text: policy('    {"Effect": "Allow", "Action": "⟦dyanmodb⟧:PutItem", "Resource": "*"}'),
    fix: 'Change the service to "dynamodb"',
  },
  {
    name: 'unknown action (plural)',
    code: 'IAM042',
    text: policy('    {"Effect": "Allow", "Action": "s3:⟦GetObjects⟧", "Resource": "arn:aws:s3:::b/*"}'),
    fix: 'Change to "s3:GetObject"',
  },
  {
    name: 'unknown action (typo)',
    code: 'IAM042',
    text: policy('    {"Effect": "Allow", "Action": "dynamodb:⟦PutIten⟧", "Resource": "*"}'),
    fix: 'Change to "dynamodb:PutItem"',
  },
  { name: 'wildcard that matches nothing', code: 'IAM043', text: policy('    {"Effect": "Allow", "Action": "s3:⟦Fetch*⟧", "Resource": "*"}') },
  { name: 'resource that is not an ARN', code: 'IAM050', text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "⟦my-bucket/*⟧"}') },
  {
    name: 'ARN with upper-case prefix',
    code: 'IAM050',
    text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "⟦ARN:aws:s3:::b/*⟧"}'),
    fix: 'Write "arn:" in lower case',
  },
  { name: 'ARN partition', code: 'IAM050', text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:⟦aws-cn-foo⟧:s3:::b/*"}') },
  {
    name: 'ARN service',
    code: 'IAM050',
    text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:⟦s4⟧:::b/*"}'),
    fix: 'Change "s4" to "s3"',
  },
  {
    name: 'S3 ARN with a region',
    code: 'IAM050',
    text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:⟦us-east-1⟧::b/*"}'),
    fix: 'Remove the region',
  },
  {
    name: 'bad account id',
    code: 'IAM050',
    text: policy('    {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:⟦12345⟧:table/t"}'),
  },
  {
    name: 'bad region',
    code: 'IAM050',
    text: policy('    {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:⟦useast1⟧:123456789012:table/t"}'),
  },
  { name: 'ARN with too few parts', code: 'IAM050', text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "⟦arn:aws:s3:b⟧"}') },
  {
    name: 'ListBucket on objects',
    code: 'IAM051',
    text: policy('    {"Effect": "Allow", "Action": ["s3:GetObject", "⟦s3:ListBucket⟧"], "Resource": "arn:aws:s3:::b/*"}'),
  },
  { name: 'GetObject on a bucket', code: 'IAM051', text: policy('    {"Effect": "Allow", "Action": "⟦s3:GetObject⟧", "Resource": "arn:aws:s3:::b"}') },
  {
    name: 'wildcard-only action on an ARN',
    code: 'IAM052',
    text: policy('    {"Effect": "Allow", "Action": "⟦ec2:DescribeInstances⟧", "Resource": "arn:aws:ec2:us-east-1:123456789012:instance/i-1"}'),
  },
  {
    name: 'principal string',
    code: 'IAM060',
    kind: 'resource',
    text: policy('    {"Effect": "Allow", "Principal": ⟦"123456789012"⟧, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'),
  },
  {
    name: 'bad AWS principal',
    code: 'IAM060',
    kind: 'resource',
    text: policy('    {"Effect": "Allow", "Principal": {"AWS": "⟦alice⟧"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'),
  },
  {
    name: 'bad service principal',
    code: 'IAM060',
    text: policy('    {"Effect": "Allow", "Principal": {"Service": "⟦ec2⟧"}, "Action": "sts:AssumeRole"}'),
    fix: 'Change to "ec2.amazonaws.com"',
  },
  {
    name: 'principal type typo',
    code: 'IAM061',
    kind: 'resource',
    text: policy('    {"Effect": "Allow", "Principal": {⟦"Aws"⟧: "123456789012"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'),
    fix: 'Rename to "AWS"',
  },
  { name: 'condition not an object', code: 'IAM070', text: policy(s3Read(', "Condition": ⟦"yes"⟧')) },
  {
    name: 'unknown operator',
    code: 'IAM071',
    text: policy(s3Read(', "Condition": {⟦"StringEqualz"⟧: {"aws:PrincipalTag/team": "a"}}')),
    fix: 'Change to "StringEquals"',
  },
  {
    name: 'unknown operator with qualifiers',
    code: 'IAM071',
    text: policy(s3Read(', "Condition": {⟦"ForAnyValue:StringEqualIfExists"⟧: {"aws:TagKeys": "a"}}')),
    fix: 'Change to "ForAnyValue:StringEqualsIfExists"',
  },
  {
    name: 'unknown global key',
    code: 'IAM072',
    text: policy(s3Read(', "Condition": {"IpAddress": {⟦"aws:SoruceIp"⟧: "10.0.0.0/8"}}')),
    fix: 'Change to "aws:SourceIp"',
  },
  {
    name: 'unknown service key',
    code: 'IAM072',
    text: policy(s3Read(', "Condition": {"StringEquals": {⟦"s3:prefixx"⟧: "home/"}}')),
    fix: 'Change to "s3:prefix"',
  },
  {
    name: 'key not supported by the actions',
    code: 'IAM073',
    text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringLike": {⟦"s3:prefix"⟧: "home/*"}}}'),
  },
  { name: 'numeric operator on an IP key', code: 'IAM074', text: policy(s3Read(', "Condition": {"NumericLessThan": {⟦"aws:SourceIp"⟧: "10"}}')) },
  { name: 'bad date', code: 'IAM075', text: policy(s3Read(', "Condition": {"DateGreaterThan": {"aws:CurrentTime": ⟦"tomorrow"⟧}}')) },
  { name: 'bad CIDR', code: 'IAM075', text: policy(s3Read(', "Condition": {"IpAddress": {"aws:SourceIp": ⟦"10.0.0.999/33"⟧}}')) },
  { name: 'bad prefix length', code: 'IAM075', text: policy(s3Read(', "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", ⟦"10.0.0.0/33"⟧]}}')) },
  { name: 'bad boolean', code: 'IAM075', text: policy(s3Read(', "Condition": {"Bool": {"aws:SecureTransport": ⟦"yes"⟧}}')) },
  { name: 'bad number', code: 'IAM075', text: policy(s3Read(', "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": ⟦"one hour"⟧}}')) },
  { name: 'Null takes booleans', code: 'IAM075', text: policy(s3Read(', "Condition": {"Null": {"aws:TokenIssueTime": ⟦"maybe"⟧}}')) },
  { name: 'ArnLike on a non-ARN', code: 'IAM075', text: policy(s3Read(', "Condition": {"ArnLike": {"aws:SourceArn": ⟦"my-function"⟧}}')) },
  {
    name: 'wildcard under StringEquals',
    code: 'IAM076',
    text: policy(s3Read(', "Condition": {"StringEquals": {"aws:PrincipalTag/team": ⟦"dev-*"⟧}}')),
    fix: 'Change the operator to "StringLike"',
  },
  {
    name: 'ForAllValues on a single-valued key',
    code: 'IAM077',
    text: policy(s3Read(', "Condition": {"ForAllValues:StringEquals": {⟦"aws:PrincipalTag/team"⟧: "dev"}}')),
  },
  {
    name: 'MFA deny with Bool',
    code: 'IAM078',
    text: policy(
      '    {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {⟦"aws:MultiFactorAuthPresent"⟧: "false"}}}',
    ),
    fix: 'Change the operator to "BoolIfExists"',
  },
  {
    name: 'Null with IfExists',
    code: 'IAM079',
    text: policy(s3Read(', "Condition": {⟦"NullIfExists"⟧: {"aws:TokenIssueTime": "true"}}')),
    fix: 'Change to "Null"',
  },
  {
    name: 'unclosed variable',
    code: 'IAM080',
    text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/⟦${aws:username⟧/*"}'),
    fix: 'Close the variable: ${aws:username}',
  },
  { name: 'empty variable', code: 'IAM080', text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/⟦${}⟧/*"}') },
  { name: 'variable in Action', code: 'IAM080', text: policy('    {"Effect": "Allow", "Action": "⟦s3:${aws:username}⟧", "Resource": "*"}') },
  {
    name: 'variable under the old version',
    code: 'IAM081',
    text: `{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/⟦\${aws:username}⟧/*"}]}`,
  },
  { name: 'admin access', code: 'IAM090', text: policy('    {"Effect": "Allow", "Action": "⟦*⟧", "Resource": "*"}') },
  { name: 'service wildcard', code: 'IAM091', text: policy('    {"Effect": "Allow", "Action": "⟦s3:*⟧", "Resource": "*"}') },
  { name: 'PassRole on *', code: 'IAM092', text: policy('    {"Effect": "Allow", "Action": ["⟦iam:PassRole⟧"], "Resource": "*"}') },
  { name: 'PassRole via wildcard on *', code: 'IAM092', text: policy('    {"Effect": "Allow", "Action": ["⟦iam:Pass*⟧"], "Resource": "*"}') },
  { name: 'Allow with NotAction', code: 'IAM093', text: policy('    {"Effect": "Allow", ⟦"NotAction"⟧: "iam:*", "Resource": "*"}') },
  {
    name: 'Allow with NotResource',
    code: 'IAM094',
    text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", ⟦"NotResource"⟧: "arn:aws:s3:::secret/*"}'),
  },
  {
    name: 'Allow with NotPrincipal',
    code: 'IAM095',
    kind: 'resource',
    text: policy('    {"Effect": "Allow", ⟦"NotPrincipal"⟧: {"AWS": "123456789012"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'),
  },
  {
    name: 'public bucket',
    code: 'IAM096',
    text: policy('    {"Effect": "Allow", "Principal": "⟦*⟧", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'),
  },
  {
    name: 'public bucket via AWS *',
    code: 'IAM096',
    text: policy('    {"Effect": "Allow", "Principal": {"AWS": "⟦*⟧"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'),
  },
  {
    name: 'OIDC trust without sub',
    code: 'IAM097',
    text: policy(
      '    {"Effect": "Allow", "Principal": {"Federated": "⟦arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com⟧"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}',
    ),
  },
  {
    name: 'escalation: CreatePolicyVersion',
    code: 'IAM098',
    text: policy('    {"Effect": "Allow", "Action": ["⟦iam:CreatePolicyVersion⟧"], "Resource": "arn:aws:iam::123456789012:policy/p"}'),
  },
  {
    name: 'escalation: PassRole + RunInstances',
    code: 'IAM098',
    text: policy('    {"Effect": "Allow", "Action": ["⟦iam:PassRole⟧", "ec2:RunInstances"], "Resource": "arn:aws:iam::123456789012:role/r"}'),
  },
];

describe('IAM rules: each rule reports the exact token', () => {
  for (const c of CASES) {
    test(`${c.code} ${c.name}`, () => {
      const { text, range } = markers(c.text);
      assert.ok(range, 'case has a ⟦range⟧');
      const analysis = analyze(text, c.kind);
      const matching = analysis.findings.filter((f) => f.code === c.code);
      assert.ok(matching.length > 0, `expected ${c.code}, got ${JSON.stringify(analysis.findings.map((f) => [f.code, f.message]))}`);
      const finding = matching.find((f) => JSON.stringify(f.range) === JSON.stringify(range));
      assert.ok(finding, `range ${JSON.stringify(range)} not among ${JSON.stringify(matching.map((f) => f.range))}`);
      assert.ok(finding.message.length > 20, 'message explains the problem');
      if (c.severity) assert.equal(finding.severity, c.severity);
      if (c.fix) {
        const fix = finding.fixes?.find((f) => f.title === c.fix);
        assert.ok(fix, `fix "${c.fix}" not among ${JSON.stringify(finding.fixes?.map((f) => f.title))}`);
        const fixed = applyEdits(text, fix.edits);
        const after = analyze(fixed, c.kind).findings.filter((f) => f.code === c.code && JSON.stringify(f.range) === JSON.stringify(range));
        assert.equal(after.length, 0, `after the fix:\n${fixed}`);
      }
    });
  }
});

describe('IAM rules: no fix that would make a duplicate key', () => {
  test('an unknown key whose nearest name the statement already has is reported without a rename (found by the fuzzer)', () => {
    const text = policy(`    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", " Resource": "*"}`);
    const finding = analyze(text).findings.find((f) => f.code === 'IAM020');
    assert.ok(finding, 'IAM020 reported');
    assert.match(finding.message, /Did you mean "Resource"\?/);
    assert.deepEqual(finding.fixes ?? [], []);
  });
});
