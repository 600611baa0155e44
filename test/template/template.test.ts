import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { FIXTURES } from '../golden';
import { applyEdits, testService } from '../helpers';
import { normalizeSettings } from '../../server/src/service/settings';
import { templateDocument, templateFindings } from './helpers';

/** Templates as a document kind: which documents it claims, fixes that keep the template valid, hovers and completion inside policies. */

const service = testService();
const kindOf = (text: string, file: string) => service.check(templateDocument(text, file))?.kind;

const SAM = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  SomeArn:
    Type: String
  ActionParameter:
    Type: String
Conditions:
  Cond: !Equals [!Ref SomeArn, ""]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      Policies:
        - Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action:
                - s3:GetObjects
                - 's3:PutObject'
              Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}/*"
`;

describe('template detection', () => {
  test('claims YAML and JSON templates by their format version, the SAM transform or AWS:: resource types', () => {
    assert.equal(kindOf(SAM, 'template.yaml'), 'template');
    assert.equal(kindOf('Transform: AWS::Serverless-2016-10-31\nResources: {}\n', 'app.yml'), 'template');
    assert.equal(kindOf('Transform:\n  - AWS::LanguageExtensions\n  - AWS::Serverless-2016-10-31\nResources: {}\n', 'app.yml'), 'template');
    assert.equal(kindOf('Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n', 'stack.yml'), 'template');
    assert.equal(kindOf('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', 'stack.json'), 'template');
    assert.equal(kindOf('{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}', 'cdk.out/App.template.json'), 'template');
  });

  test('awsStudyHints.templates.files names templates that the content does not give away', () => {
    // Flow style on one line: the text-only detection does not recognise it.
    const fragment = 'Resources: { Queue: { Type: AWS::SQS::Queue } }\n';
    assert.equal(kindOf(fragment, 'infra/widget.yaml'), undefined);
    const settings = normalizeSettings({ templates: { files: ['infra/**/*.yaml'] } });
    const claimed = service.check(templateDocument(fragment, 'infra/widget.yaml'), { settings, workspaceRoot: '/ws' });
    assert.equal(claimed?.kind, 'template');
    assert.deepEqual(claimed?.diagnostics, []);
  });

  test('a JSON template is not taken for a policy, even one that holds policies', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'template', 'valid', 'cdk-synth.template.json'), 'utf8');
    assert.equal(kindOf(text, 'cdk.out/ThumbsStack.template.json'), 'template');
  });

  test('policies, buildspecs and AppSpecs are never claimed as templates', () => {
    const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}';
    assert.equal(kindOf(policy, 'policy.json'), 'identity');
    const wrapped =
      '{"Role": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}';
    assert.equal(kindOf(wrapped, 'role.json'), 'trust');
    assert.equal(
      kindOf('version: 0.2\nphases:\n  build:\n    commands:\n      - aws cloudformation deploy --template-file template.yaml\n', 'buildspec.yml'),
      'buildspec',
    );
    assert.equal(kindOf('version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n', 'appspec.yml'), 'appspec');
    assert.equal(kindOf('{"version": 0.0, "Resources": [{"Fn": {"Type": "AWS::Lambda::Function"}}]}', 'appspec.json'), 'appspec');
    assert.equal(kindOf('services:\n  web:\n    image: nginx\n', 'docker-compose.yml'), undefined);
  });
});

describe('findings and fixes in templates', () => {
  test('a template whose lines end in a lone CR reads as the same template with LF (found by the fuzzer)', () => {
    const yamlFiles = ['valid', 'invalid'].flatMap((dir) =>
      fs
        .readdirSync(path.join(FIXTURES, 'template', dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => path.join(FIXTURES, 'template', dir, f)),
    );
    assert.ok(yamlFiles.length >= 10);
    for (const file of yamlFiles) {
      const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const summary = (findings: ReturnType<typeof templateFindings>) => findings.map((f) => `${f.code} ${JSON.stringify(f.range)} ${f.message}`);
      const lf = summary(templateFindings(templateDocument(text, path.basename(file))));
      const cr = summary(templateFindings(templateDocument(text.replace(/\n/g, '\r'), path.basename(file))));
      assert.deepEqual(cr, lf, path.basename(file));
    }
  });

  test('fixes edit the template in its own syntax: YAML stays YAML, JSON stays JSON', () => {
    for (const dir of ['invalid']) {
      for (const file of fs.readdirSync(path.join(FIXTURES, 'template', dir)).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.startsWith('yaml-syntax'))) {
        const text = fs.readFileSync(path.join(FIXTURES, 'template', dir, file), 'utf8');
        const document = templateDocument(text, file);
        const findings = templateFindings(document);
        const same = (list: readonly { code: string; message: string }[], finding: { code: string; message: string }) =>
          list.filter((f) => f.code === finding.code && f.message === finding.message).length;
        for (const finding of findings) {
          for (const fix of finding.fixes ?? []) {
            const fixed = applyEdits(text, fix.edits);
            if (file.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(fixed), `${file}: ${fix.title}`);
            else assert.deepEqual(parseDocument(fixed, { customTags: [] }).errors, [], `${file}: ${fix.title}`);
            // The fix removes the finding it was offered for (the same mistake elsewhere stays).
            const after = templateFindings(templateDocument(fixed, file));
            assert.equal(same(after, finding), same(findings, finding) - 1, `${file}: ${fix.title} fixes ${finding.message}`);
          }
        }
      }
    }
  });

  test('CRLF line endings give the same findings at the same places', () => {
    const where = (findings: ReturnType<typeof templateFindings>) =>
      findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.code}`);
    for (const file of fs.readdirSync(path.join(FIXTURES, 'template', 'invalid')).filter((f) => /\.(ya?ml|json)$/.test(f))) {
      const text = fs.readFileSync(path.join(FIXTURES, 'template', 'invalid', file), 'utf8');
      assert.deepEqual(
        where(templateFindings(templateDocument(text.replace(/\n/g, '\r\n'), file))),
        where(templateFindings(templateDocument(text, file))),
        file,
      );
    }
  });

  test('an action typo in a plain or quoted YAML scalar is fixed in place', () => {
    const document = templateDocument(SAM);
    const [typo] = templateFindings(document);
    assert.equal(typo?.code, 'IAM042');
    assert.equal(document.getText(typo.range), 'GetObjects');
    const fixed = applyEdits(SAM, typo.fixes![0]!.edits);
    assert.ok(fixed.includes('                - s3:GetObject\n'));
    assert.deepEqual(templateFindings(templateDocument(fixed)), []);
  });

  test('values filled in at deployment are never reported', () => {
    const text = SAM.replace('s3:GetObjects', 's3:GetObject').replace('!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"', '!Ref SomeArn');
    assert.deepEqual(templateFindings(templateDocument(text)), []);
    const opaque = SAM.replace('s3:GetObjects', '!Ref ActionParameter').replace('Effect: Allow', 'Effect: !If [Cond, Allow, Deny]');
    assert.deepEqual(templateFindings(templateDocument(opaque)), []);
  });

  test("a SAM function's inline statements may leave Version out; with policy variables they may not", () => {
    const sam = (resource: string) =>
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.12',
        '      Handler: app.handler',
        '      Policies:',
        '        - Statement:',
        '            - Effect: Allow',
        '              Action: s3:GetObject',
        `              Resource: ${resource}`,
        '',
      ].join('\n');
    assert.deepEqual(
      templateFindings(templateDocument(sam('arn:aws:s3:::reports/*'))).map((f) => f.code),
      [],
    );
    const withVariable = templateFindings(templateDocument(sam('"arn:aws:s3:::reports/${aws:username}/*"'))).map((f) => f.code);
    assert.ok(withVariable.includes('IAM010'), withVariable.join(', '));
  });

  test('pseudo parameters are substituted, so the rest of the ARN is still checked', () => {
    const text = SAM.replace('s3:GetObjects', 's3:GetObject').replace('"arn:${AWS::Partition}:s3:::${Bucket}/*"', '"arn:${AWS::Partition}:s3:::my-bucket"');
    const findings = templateFindings(templateDocument(text));
    assert.deepEqual(
      findings.map((f) => f.code),
      // s3:GetObject and s3:PutObject need an object ARN, and this is the bucket's.
      ['IAM051', 'IAM051'],
    );
  });
});

describe('hovers, completion and status in templates', () => {
  test('a hover on an action inside an embedded policy is the IAM hover, on the template range', () => {
    const document = templateDocument(SAM);
    const offset = SAM.indexOf('s3:PutObject') + 6;
    const hover = service.hover(document, document.positionAt(offset));
    assert.ok(hover, 'a hover');
    assert.match(JSON.stringify(hover.contents), /PutObject/);
    assert.ok(hover.range);
    assert.equal(document.getText(hover.range), "'s3:PutObject'");
    assert.equal(service.hover(document, document.positionAt(SAM.indexOf('Handler'))), undefined);
  });

  test('completion inside an action offers actions, as YAML text', () => {
    const text = SAM.replace('s3:GetObjects', 's3:GetObj');
    const document = templateDocument(text);
    const offset = text.indexOf('s3:GetObj') + 's3:GetObj'.length;
    const list = service.completion(document, document.positionAt(offset));
    const item = list?.items.find((i) => i.label === 's3:GetObject');
    assert.ok(item, 'offers s3:GetObject');
    const edit = item.textEdit as { range: import('vscode-languageserver-types').Range; newText: string };
    assert.equal(edit.newText, 's3:GetObject');
    assert.equal(document.getText(edit.range), 's3:GetObj');
  });

  test('an inline buildspec is checked by the buildspec kind, and hovers there are buildspec hovers', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'template', 'invalid', 'cfn-codebuild-inline-buildspec.yaml'), 'utf8');
    const document = templateDocument(text);
    const findings = templateFindings(document);
    assert.deepEqual(
      findings.map((f) => document.getText(f.range)),
      ['biuld', 'post_build', 'commandz'],
    );
    const hover = service.hover(document, document.positionAt(text.indexOf('post_build') + 3));
    assert.ok(hover?.range, 'a hover on a phase');
    assert.equal(document.getText(hover.range), 'post_build');
    assert.match(service.status(document).detail, /· 1 inline buildspec ·/);
  });

  test('a hover on the property that holds a policy says which kind it is read as', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'template', 'invalid', 'sam-function-policy-mistakes.yaml'), 'utf8');
    const document = templateDocument(text);
    const hover = service.hover(document, document.positionAt(text.indexOf('AssumeRolePolicyDocument') + 2));
    assert.ok(hover?.range);
    assert.equal(document.getText(hover.range), 'AssumeRolePolicyDocument');
    assert.match(JSON.stringify(hover.contents), /trust policy.*Analysed as a trust policy: 1 problem\./);
  });

  test('a hover on an ARN built by an intrinsic says its region and account are stand-ins', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'template', 'valid', 'cfn-resolved-references.yaml'), 'utf8');
    const document = templateDocument(text);
    const hover = service.hover(document, document.positionAt(text.indexOf('!GetAtt Events.Arn') + 2));
    assert.ok(hover?.range);
    assert.equal(document.getText(hover.range), '!GetAtt Events.Arn');
    assert.match(JSON.stringify(hover.contents), /stand-ins.*Resource type: \*\*queue\*\*/);
  });

  test('a hover on a SAM policy template name says what it grants', () => {
    const text = SAM.replace('      Policies:\n', '      Policies:\n        - DynamoDBReadPolicy:\n            TableName: !Ref Orders\n');
    const document = templateDocument(text);
    const hover = service.hover(document, document.positionAt(text.indexOf('DynamoDBReadPolicy') + 4));
    assert.ok(hover?.range);
    assert.equal(document.getText(hover.range), 'DynamoDBReadPolicy');
    assert.match(JSON.stringify(hover.contents), /SAM policy template.*TableName.*dynamodb:GetItem/);
  });

  test('findings keep their place when the template changes above an unchanged policy', () => {
    const first = templateDocument(SAM);
    const before = templateFindings(first).map((f) => first.getText(f.range));
    const shifted = SAM.replace('Resources:\n', 'Resources:\n  Extra:\n    Type: AWS::SQS::Queue\n');
    const second = templateDocument(shifted);
    const after = templateFindings(second);
    assert.deepEqual(
      after.map((f) => second.getText(f.range)),
      before,
    );
    assert.equal(after[0]!.range.start.line, templateFindings(first)[0]!.range.start.line + 2);
  });

  test('Quiz Me on This File asks about the actions of the policies, with the policy as the source', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'template', 'valid', 'cfn-roles-and-resource-policies.yml'), 'utf8');
    const document = templateDocument(text, 'pipeline.yml');
    const questions = service.fileQuestions(document, '/ws/pipeline.yml');
    assert.ok(questions.length > 0);
    assert.equal(new Set(questions.map((q) => q.id)).size, questions.length);
    for (const question of questions) {
      assert.equal(question.source.file, '/ws/pipeline.yml');
      assert.ok(question.source.startLine > 1 && question.source.endLine <= text.split('\n').length, question.prompt);
    }
    assert.ok(service.quizTopics(document).includes('sqs'));
  });

  test("completion after !Ref and !GetAtt offers the template's names and known attributes", () => {
    const text = SAM.replace('!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"', '!GetAtt Buc');
    const document = templateDocument(text);
    const getAtt = service.completion(document, document.positionAt(text.indexOf('!GetAtt Buc') + 11));
    const arn = getAtt?.items.find((item) => item.label === 'Bucket.Arn');
    assert.ok(arn, 'offers Bucket.Arn');
    assert.equal(document.getText((arn.textEdit as { range: import('vscode-languageserver-types').Range }).range), 'Buc');
    const refText = SAM.replace('!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"', '!Ref Som');
    const refDocument = templateDocument(refText);
    const ref = service.completion(refDocument, refDocument.positionAt(refText.lastIndexOf('!Ref Som') + 8));
    assert.deepEqual(
      ref?.items.filter((item) => ['SomeArn', 'Bucket', 'AWS::Region'].includes(item.label)).map((item) => item.label),
      ['Bucket', 'SomeArn', 'AWS::Region'],
    );
  });

  test('completion never starts a plain YAML scalar with YAML syntax ("*" would be an alias)', () => {
    const text = SAM.replace('!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"', 'arn');
    const document = templateDocument(text);
    const list = service.completion(document, document.positionAt(text.lastIndexOf('Resource: arn') + 13));
    assert.ok(list && list.items.length > 0, 'offers resources');
    assert.ok(!list.items.some((item) => (item.textEdit as { newText: string }).newText.startsWith('*')));
    const quoted = SAM.replace('!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"', '"arn"');
    const quotedDocument = templateDocument(quoted);
    const inQuotes = service.completion(quotedDocument, quotedDocument.positionAt(quoted.lastIndexOf('"arn"') + 4));
    assert.ok(
      inQuotes?.items.some((item) => (item.textEdit as { newText: string }).newText === '*'),
      'inside quotes "*" is fine',
    );
  });

  test('the status names the template and counts its policies', () => {
    const status = service.status(templateDocument(SAM));
    assert.equal(status.documentType, 'template');
    assert.equal(status.label, '$(cloud) SAM template · 1 policy');
  });
});
