import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MarkupContent, type CodeAction } from 'vscode-languageserver-protocol/node';
import { applyEdits, LspClient, positionOf } from '../support/lspClient.mjs';
import { TIMEOUT, byCode, codes, isCodeAction } from './shared';

/** Buildspec files through the protocol: diagnostics, quick-fixes, hovers, completion, status, settings. */

const BROKEN = `version: 0.2
phases:
  pre-build:
    commands:
      - echo start: now
  build:
    commands:
      - npm test
`;

let nextId = 0;
const buildspecUri = (name = 'buildspec.yml') => `file:///ws/ci${++nextId}/${name}`;

describe('buildspec over the protocol', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.shutdown();
  });

  test('diagnostics on the exact text, and quick-fixes that apply', async () => {
    const uri = buildspecUri();
    await client.open(uri, 'yaml', BROKEN);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(codes(diagnostics).sort(), ['BSP020', 'BSP026']);
    const phase = byCode(diagnostics, 'BSP020');
    assert.deepEqual(phase.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 11 } });
    assert.equal(phase.source, 'aws-study-hints');
    const command = byCode(diagnostics, 'BSP026');
    assert.deepEqual(command.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 23 } });

    let text = BROKEN;
    for (const [diagnostic, title] of [
      [phase, 'Rename to "pre_build"'],
      [command, 'Quote the command'],
    ] as const) {
      const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])).filter(isCodeAction) as CodeAction[];
      const fix = actions.find((a) => a.title === title);
      assert.ok(fix?.edit?.changes?.[uri], `${title} among ${actions.map((a) => a.title).join(', ')}`);
      text = applyEdits(text, fix.edit.changes[uri]);
    }
    assert.match(text, /pre_build:\n {4}commands:\n {6}- 'echo start: now'/);
    await client.change(uri, text);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
  });

  test('hover on a phase and on a CodeBuild variable', async () => {
    const uri = buildspecUri('buildspec-release.yaml');
    const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo $CODEBUILD_BUILD_NUMBER\n';
    await client.open(uri, 'yaml', text);
    const phase = await client.hover(uri, positionOf(text, 'build:', 2));
    assert.ok(phase && MarkupContent.is(phase.contents));
    assert.match(phase.contents.value, /install → pre_build → \*\*build\*\* → post_build/);
    const variable = await client.hover(uri, positionOf(text, 'CODEBUILD_BUILD_NUMBER', 3));
    assert.ok(variable && MarkupContent.is(variable.contents));
    assert.match(variable.contents.value, /CODEBUILD_BUILD_NUMBER/);
  });

  test('completion of keys at the cursor', async () => {
    const uri = buildspecUri();
    const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n';
    await client.open(uri, 'yaml', `${text}  `);
    const labels = (await client.completion(uri, { line: 5, character: 2 })).map((i) => i.label);
    assert.ok(labels.includes('post_build') && labels.includes('install'), labels.join(', '));
    assert.ok(!labels.includes('build'));
  });

  test('status and recognition by name', async () => {
    const uri = buildspecUri('buildspec_test.yml');
    await client.open(uri, 'yaml', BROKEN);
    const status = await client.status(uri);
    assert.equal(status.documentType, 'buildspec');
    assert.equal(status.version, '0.2');
    const other = `file:///ws/ci${++nextId}/docker-compose.yml`;
    await client.open(other, 'yaml', BROKEN);
    assert.equal((await client.status(other)).documentType, 'none');
    assert.deepEqual(await client.pullDiagnostics(other), []);
  });

  test('awsStudyHints.buildspec.files recognises custom names', async () => {
    const uri = 'file:///ws/ci/pipelines/build-steps.yml';
    await client.open(uri, 'yaml', BROKEN);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    await client.updateSettings({ awsStudyHints: { buildspec: { files: ['ci/pipelines/*.yml'] } } });
    assert.ok(codes(await client.pullDiagnostics(uri)).includes('BSP020'));
    await client.updateSettings({ awsStudyHints: {} });
  });
});
