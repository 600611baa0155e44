import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MarkupContent, type CodeAction } from 'vscode-languageserver-protocol/node';
import { applyEdits, LspClient, positionOf } from '../support/lspClient.mjs';
import { TIMEOUT, byCode, codes, isCodeAction } from './shared';

/** A SAM template through the protocol: diagnostics inside its policies, quick-fixes that keep it YAML, hovers, status. */

const SAM = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Uploads:
    Type: AWS::S3::Bucket
  Resize:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      Policies:
        - Version: "2012-10-17"
          Statement:
            - Effect: allow
              Action:
                - s3:GetObjects
              Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Uploads}/*"
`;

describe('CloudFormation and SAM templates over the protocol', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.shutdown();
  });

  test('diagnostics inside an embedded policy, fixed through code actions, then a hover and the status', async () => {
    const uri = 'file:///ws/app/template.yaml';
    await client.open(uri, 'yaml', SAM);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(codes(diagnostics), ['IAM022', 'IAM042']);
    assert.deepEqual(byCode(diagnostics, 'IAM042').range, { start: positionOf(SAM, 'GetObjects'), end: positionOf(SAM, 'GetObjects', 10) });
    let text = SAM;
    for (const [code, title] of [
      ['IAM022', 'Change to "Allow"'],
      ['IAM042', 'Change to "s3:GetObject"'],
    ]) {
      const diagnostic = byCode(diagnostics, code!);
      const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])).filter(isCodeAction) as CodeAction[];
      const fix = actions.find((a) => a.title === title);
      assert.ok(fix?.edit?.changes?.[uri], `${title} among ${actions.map((a) => a.title).join(', ')}`);
      text = applyEdits(text, fix.edit.changes[uri]);
    }
    assert.match(text, /- Effect: Allow\n/);
    assert.match(text, /- s3:GetObject\n/);
    await client.change(uri, text);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    const hover = await client.hover(uri, positionOf(text, 's3:GetObject', 4));
    assert.ok(hover && MarkupContent.is(hover.contents));
    assert.match(hover.contents.value, /GetObject/);
    const status = await client.status(uri);
    assert.equal(status.documentType, 'template');
    assert.equal(status.label, '$(cloud) SAM template · 1 policy');
  });
});
