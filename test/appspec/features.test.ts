import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { markers, testService } from '../helpers';

/** AppSpec hovers, completion and the lifecycle through the service, `|` marking the cursor. */

let n = 0;
const appspec = (text: string) => TextDocument.create(`file:///ws/a${++n}/appspec.yml`, 'yaml', 1, text);

function hoverAt(marked: string): string | undefined {
  const { text, offset } = markers(marked);
  const d = appspec(text);
  const hover = testService().hover(d, d.positionAt(offset!));
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

function labelsAt(marked: string): string[] {
  const { text, offset } = markers(marked);
  const d = appspec(text);
  return (
    testService()
      .completion(d, d.positionAt(offset!))
      ?.items.map((i) => i.label) ?? []
  );
}

const EC2 = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/deps.sh\n  ApplicationStart:\n    - location: scripts/start.sh\n';
const LAMBDA =
  'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: orders\n        Alias: live\n        CurrentVersion: 1\n        TargetVersion: 2\nHooks:\n  - BeforeAllowTraffic: CodeDeployHook_check\n';

describe('AppSpec hover', () => {
  test('a hook shows the lifecycle with this hook marked, reserved events struck through', () => {
    const value = hoverAt(EC2.replace('BeforeInstall:', 'Before|Install:'))!;
    assert.match(value, /\*\*BeforeInstall\*\* · lifecycle hook/);
    assert.match(value, /Runs after DownloadBundle and before Install\./);
    assert.match(value, /ApplicationStop → ~~DownloadBundle~~ → \*\*BeforeInstall\*\* → ~~Install~~ → AfterInstall/);
    assert.match(value, /at most 3600 s per event/);
  });
  test('Lambda hooks', () => {
    const value = hoverAt(LAMBDA.replace('BeforeAllowTraffic:', 'BeforeAllow|Traffic:'))!;
    assert.match(value, /~~Start~~ → \*\*BeforeAllowTraffic\*\* → ~~AllowTraffic~~ → AfterAllowTraffic → ~~End~~/);
    // Lambda hooks are functions that report back, not scripts with a timeout.
    assert.match(value, /lifecycle hook \(a Lambda function\)/);
    assert.match(value, /PutLifecycleEventHookExecutionStatus/);
    assert.doesNotMatch(value, /[Ss]cript/);
  });
  test('keys explain themselves and say how the platform was found', () => {
    const value = hoverAt(EC2.replace('os:', 'o|s:'))!;
    assert.match(value, /Values: `linux`, `windows`/);
    assert.match(value, /EC2\/On-Premises AppSpec \(detected from the content\)/);
  });
});

describe('AppSpec completion', () => {
  test('EC2 hook names not yet present, in lifecycle order', () => {
    const labels = labelsAt(`${EC2}  |`);
    assert.ok(labels.includes('AfterInstall') && labels.includes('ValidateService'));
    assert.ok(!labels.includes('BeforeInstall') && !labels.includes('Install'), 'present and reserved hooks are not offered');
  });
  test('Lambda hook names', () => {
    assert.deepEqual(labelsAt(`${LAMBDA}  - |`), ['AfterAllowTraffic']);
  });
  test('enum values', () => {
    assert.deepEqual(labelsAt('version: 0.0\nos: |'), ['linux', 'windows']);
  });
});

describe('deployment lifecycle', () => {
  test("the command's Markdown lists every lifecycle of the platform", () => {
    const result = testService().deploymentLifecycle(appspec(EC2))!;
    assert.equal(result.platform, 'ec2');
    assert.match(result.markdown, /\*\*EC2 in place\*\*/);
    assert.match(result.markdown, /\*\*EC2 blue green\*\*/);
    assert.equal(testService().deploymentLifecycle(TextDocument.create('file:///ws/x.yml', 'yaml', 1, EC2)), undefined);
  });
});

describe('Quiz Me on This File, for an AppSpec', () => {
  test('the hooks it defines, in the order CodeDeploy runs them', () => {
    const text = `${EC2}  AfterInstall:\n    - location: scripts/config.sh\n  ValidateService:\n    - location: scripts/check.sh\n`;
    const document = appspec(text);
    const [question] = testService().fileQuestions(document, '/ws/appspec.yml');
    assert.equal(question!.type, 'ordering');
    assert.deepEqual(question!.answer, ['BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService']);
    assert.notDeepEqual(question!.options, question!.answer, 'not shown in the answer order');
    assert.deepEqual([...question!.options!].sort(), [...(question!.answer as string[])].sort());
    assert.equal(question!.source.kind, 'file');
  });
});
