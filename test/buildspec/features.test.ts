import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { markers, testService } from '../helpers';
import { buildspecDoc } from './helpers';

/** Buildspec hovers and completion through the service, `|` marking the cursor. */

function hoverAt(marked: string): string | undefined {
  const { text, offset } = markers(marked);
  const d = buildspecDoc(text);
  const hover = testService().hover(d, d.positionAt(offset!));
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

function labelsAt(marked: string): string[] {
  const { text, offset } = markers(marked);
  const d = buildspecDoc(text);
  return (
    testService()
      .completion(d, d.positionAt(offset!))
      ?.items.map((i) => i.label) ?? []
  );
}

const BASE =
  'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 20\n  build:\n    on-failure: ABORT\n    commands:\n      - echo $CODEBUILD_RESOLVED_SOURCE_VERSION\n';

describe('buildspec hover', () => {
  test('a phase shows its place in the lifecycle', () => {
    const value = hoverAt(BASE.replace('  build:', '  bu|ild:'))!;
    assert.match(value, /\*\*build\*\*/);
    assert.match(value, /install → pre_build → \*\*build\*\* → post_build/);
    assert.match(value, /\[Buildspec reference\]\(https:\/\/docs\.aws\.amazon\.com\/codebuild\//);
  });
  test('an enum key lists its values', () => {
    assert.match(hoverAt(BASE.replace('on-failure', 'on-fail|ure'))!, /Values: `ABORT`, `CONTINUE`/);
  });
  test('a runtime lists the versions images offer', () => {
    assert.match(hoverAt(BASE.replace('nodejs:', 'node|js:'))!, /\*\*nodejs\*\* runtime[\s\S]*`20`/);
  });
  test('CodeBuild environment variables inside commands', () => {
    const value = hoverAt(BASE.replace('$CODEBUILD_RESOLVED', '$CODEBUILD_RES|OLVED'))!;
    assert.match(value, /\*\*\$CODEBUILD_RESOLVED_SOURCE_VERSION\*\* · CodeBuild environment variable/);
  });
  test('top-level keys', () => {
    assert.match(hoverAt(BASE.replace('version:', 'ver|sion:'))!, /\*\*version\*\* · one of 0\.1, 0\.2 · required/);
  });
});

describe('buildspec completion', () => {
  test('top-level keys not yet present', () => {
    const labels = labelsAt(`${BASE}|`);
    assert.ok(labels.includes('artifacts') && labels.includes('reports') && labels.includes('cache'));
    assert.ok(!labels.includes('phases') && !labels.includes('version'), 'present keys are not offered again');
    assert.ok(!labels.includes('environment_variables'), '0.1-only keys are not offered');
  });
  test('phase names and phase keys', () => {
    const phases = labelsAt(BASE.replace('  build:\n', '  |\n  build:\n'));
    assert.ok(phases.includes('pre_build') && phases.includes('post_build'));
    const keys = labelsAt('version: 0.2\nphases:\n  build:\n    |');
    assert.deepEqual([...keys].sort(), ['commands', 'finally', 'on-failure', 'run-as']);
  });
  test('enum values after a key', () => {
    assert.deepEqual(labelsAt('version: 0.2\nenv:\n  shell: |'), ['bash', '/bin/sh', 'powershell.exe', 'cmd.exe']);
    assert.ok(labelsAt('version: 0.2\nphases:\n  build:\n    on-failure: |').includes('CONTINUE'));
  });
  test('runtime names and versions', () => {
    assert.ok(labelsAt('version: 0.2\nphases:\n  install:\n    runtime-versions:\n      |').includes('python'));
    assert.ok(labelsAt('version: 0.2\nphases:\n  install:\n    runtime-versions:\n      python: |').includes('3.12'));
  });
  test('keys of a list item', () => {
    const labels = labelsAt('version: 0.2\nbatch:\n  build-graph:\n    - identifier: a\n      |');
    assert.ok(labels.includes('depend-on') && labels.includes('buildspec'), labels.join(','));
    assert.ok(!labels.includes('identifier'));
  });
});

describe('Quiz Me on This File, for a buildspec', () => {
  test('the phases it defines, in the order CodeBuild runs them', () => {
    const text =
      'version: 0.2\nphases:\n  post_build:\n    commands:\n      - echo done\n  build:\n    commands:\n      - make\n  install:\n    commands:\n      - npm ci\n';
    const document = buildspecDoc(text);
    const [question] = testService().fileQuestions(document, '/ws/q/buildspec.yml');
    assert.deepEqual(question!.answer, ['install', 'build', 'post_build']);
    assert.equal(question!.type, 'ordering');
  });
});
