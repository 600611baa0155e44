import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MarkupContent, type CodeAction } from 'vscode-languageserver-protocol/node';
import { DeploymentLifecycleRequest } from '../../server/src/protocol';
import { applyEdits, LspClient, positionOf } from '../support/lspClient.mjs';
import { TIMEOUT, byCode, codes, isCodeAction } from './shared';

/** AppSpec files through the protocol: YAML and JSON, platforms, quick-fixes, hovers, the lifecycle request. */

const EC2 = `version: 0.0
os: linux
hooks:
  Install:
    - location: scripts/install.sh
      timeout: 4000
`;

describe('AppSpec over the protocol', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.shutdown();
  });

  test('EC2: reserved hook and timeout, fixed through code actions', async () => {
    const uri = 'file:///ws/deploy/appspec.yml';
    await client.open(uri, 'yaml', EC2);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(codes(diagnostics).sort(), ['APS031', 'APS032']);
    let text = EC2;
    for (const [code, title] of [
      ['APS031', 'Move these scripts to "AfterInstall"'],
      ['APS032', 'Set the timeout to 3600'],
    ]) {
      const diagnostic = byCode(diagnostics, code!);
      const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])).filter(isCodeAction) as CodeAction[];
      const fix = actions.find((a) => a.title === title);
      assert.ok(fix?.edit?.changes?.[uri], `${title} among ${actions.map((a) => a.title).join(', ')}`);
      text = applyEdits(text, fix.edit.changes[uri]);
    }
    await client.change(uri, text);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    const status = await client.status(uri);
    assert.equal(status.documentType, 'appspec');
    assert.equal(status.platform, 'ec2');
  });

  test('ECS as JSON: detection, diagnostics, hover and the lifecycle request', async () => {
    const uri = 'file:///ws/ecs/appspec.json';
    const text =
      '{\n  "version": 0.0,\n  "Resources": [{ "TargetService": { "Type": "AWS::ECS::Service", "Properties": {\n    "TaskDefinition": "web",\n    "LoadBalancerInfo": { "ContainerName": "web", "ContainerPort": 80 } } } }],\n  "Hooks": [{ "AfterAllowTestTraffic": "CodeDeployHook_smoke" }]\n}\n';
    await client.open(uri, 'json', text);
    assert.deepEqual(codes(await client.pullDiagnostics(uri)), ['APS042']);
    const status = await client.status(uri);
    assert.ok(status.documentType === 'appspec');
    assert.equal(status.platform, 'ecs');
    const hover = await client.hover(uri, positionOf(text, 'AfterAllowTestTraffic', 3));
    assert.ok(hover && MarkupContent.is(hover.contents));
    assert.match(hover.contents.value, /~~AllowTestTraffic~~ → \*\*AfterAllowTestTraffic\*\* →/);
    const lifecycle = await client.connection.sendRequest(DeploymentLifecycleRequest, { uri });
    assert.equal(lifecycle?.platform, 'ecs');
    assert.match(lifecycle!.markdown, /~~AllowTraffic~~/);
  });
});
