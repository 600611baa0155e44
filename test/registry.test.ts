import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/service/languageService';
import { ALL_RULES, KIND_MODULES } from '../server/src/service/registry/kinds';
import { deprecatedRuleKeys } from '../server/src/service/registry/severity';
import { normalizeSettings } from '../server/src/service/settings';
import { testCatalog } from './helpers';

/** The document-kind registry through the service: which kind claims a document, caps, rule names, status and quiz topics. */

const service = createLanguageService({ catalog: testCatalog() });
let version = 0;
const open = (uri: string, languageId: string, text: string) => TextDocument.create(uri, languageId, ++version, text);

const BUILDSPEC_WITH_FIVE_UNKNOWN_KEYS = 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\nalpha: 1\nbravo: 2\ncharlie: 3\ndelta: 4\necho: 5\n';
const APPSPEC_WITH_THREE_BAD_TIMEOUTS =
  'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n      timeout: 0\n  AfterInstall:\n    - location: b.sh\n      timeout: 0\n  ApplicationStart:\n    - location: c.sh\n      timeout: 0\n';

describe('document kinds', () => {
  test('each kind claims its documents; others are left alone', () => {
    const policy = open(
      'file:///ws/p.json',
      'json',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    );
    assert.equal(service.check(policy)?.kind, 'identity');
    assert.equal(service.check(open('file:///ws/buildspec.yml', 'yaml', 'version: 0.2\nphases:\n  build:\n    commands: [make]\n'))?.kind, 'buildspec');
    assert.equal(service.check(open('file:///ws/appspec.json', 'json', '{"version": 0.0, "Resources": []}'))?.kind, 'appspec');
    assert.equal(service.check(open('file:///ws/package.json', 'json', '{"name": "x"}')), undefined);
    assert.equal(service.check(open('file:///ws/other.yml', 'yaml', 'version: 0.2\n')), undefined);
    assert.equal(service.status(open('file:///ws/other.yml', 'yaml', 'a: 1\n')).documentType, 'none');
  });

  test('every kind is registered once, and the rule table is the union of their rules', () => {
    assert.deepEqual(KIND_MODULES.map((module) => module.id).sort(), ['appspec', 'buildspec', 'iam-policy', 'note', 'template']);
    assert.equal(
      ALL_RULES.length,
      KIND_MODULES.reduce((sum, module) => sum + module.rules.length, 0),
    );
  });

  test('the status carries what the client shows, for every kind', () => {
    const policy = service.status(
      open('file:///ws/q.json', 'json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}'),
    );
    assert.ok(policy.documentType === 'iam-policy');
    assert.equal(policy.label, '$(shield) IAM identity policy · 1 statement');
    assert.match(policy.detail, /^inferred · 0 problems · [\d.]+ ms$/);
    assert.equal(policy.command?.command, 'awsStudyHints.setPolicyKind');
    const buildspec = service.status(open('file:///ws/buildspec.yml', 'yaml', 'version: 0.2\nphases:\n  build:\n    commands: [make]\n'));
    assert.ok(buildspec.documentType === 'buildspec');
    assert.equal(buildspec.label, '$(tools) CodeBuild buildspec 0.2');
    const appspec = service.status(open('file:///ws/appspec.yml', 'yaml', 'version: 0.0\nos: linux\n'));
    assert.ok(appspec.documentType === 'appspec');
    assert.equal(appspec.label, '$(rocket) CodeDeploy AppSpec · EC2/on-premises');
    assert.equal(appspec.command?.command, 'awsStudyHints.showDeploymentLifecycle');
    const none = service.status(open('file:///ws/readme.json', 'json', '{}'));
    assert.equal(none.label, 'Not an AWS file');
  });

  test('quiz topics: the services of a policy, CodeBuild for a buildspec, CodeDeploy for an AppSpec', () => {
    const policy = open(
      'file:///ws/r.json',
      'json',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "kms:Decrypt"], "NotResource": "x"}]}',
    );
    assert.deepEqual([...service.quizTopics(policy)].sort(), ['kms', 's3']);
    assert.deepEqual(service.quizTopics(open('file:///ws/buildspec.yml', 'yaml', 'version: 0.2\n')), ['codebuild']);
    assert.deepEqual(service.quizTopics(open('file:///ws/appspec.yml', 'yaml', 'version: 0.0\n')), ['codedeploy']);
    assert.deepEqual(service.quizTopics(open('file:///ws/x.json', 'json', '{"a": 1}')), []);
  });

  test("maxProblems caps every kind, with that kind's too-many-problems rule", () => {
    const settings = normalizeSettings({ maxProblems: 2 });
    const buildspec = service.diagnostics(open('file:///ws/buildspec.yml', 'yaml', BUILDSPEC_WITH_FIVE_UNKNOWN_KEYS), { settings });
    assert.deepEqual(
      buildspec.map((d) => d.code),
      ['BSP020', 'BSP020', 'BSP099'],
    );
    assert.equal(buildspec[2]!.message, 'Showing the first 2 of 5 problems in this document.');
    const appspec = service.diagnostics(open('file:///ws/appspec.yml', 'yaml', APPSPEC_WITH_THREE_BAD_TIMEOUTS), { settings });
    assert.deepEqual(
      appspec.map((d) => d.code),
      ['APS032', 'APS032', 'APS099'],
    );
    // Without the cap the same documents report everything.
    assert.equal(service.diagnostics(open('file:///ws/buildspec.yml', 'yaml', BUILDSPEC_WITH_FIVE_UNKNOWN_KEYS)).length, 5);
  });
});

describe('rule names', () => {
  const duplicateKeys = {
    iam: open(
      'file:///ws/d.json',
      'json',
      '{"Version": "2012-10-17", "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    ),
    buildspec: open('file:///ws/buildspec.yml', 'yaml', 'version: 0.2\nversion: 0.2\nphases:\n  build:\n    commands: [make]\n'),
  };

  test('names carry their language, and a name sets the severity of its own rule only', () => {
    const settings = normalizeSettings({ rules: { 'buildspec/duplicate-key': 'hint' } });
    assert.deepEqual(
      service
        .diagnostics(duplicateKeys.buildspec, { settings })
        .filter((d) => d.code === 'BSP003')
        .map((d) => d.severity),
      [4],
    );
    assert.deepEqual(
      service
        .diagnostics(duplicateKeys.iam, { settings })
        .filter((d) => d.code === 'IAM002')
        .map((d) => d.severity),
      [1],
    );
  });

  test('an old name without its language still works for every rule that had it, and is reported as deprecated', () => {
    const settings = normalizeSettings({ rules: { 'duplicate-key': 'off', IAM042: 'hint' } });
    assert.ok(!service.diagnostics(duplicateKeys.buildspec, { settings }).some((d) => d.code === 'BSP003'));
    assert.ok(!service.diagnostics(duplicateKeys.iam, { settings }).some((d) => d.code === 'IAM002'));
    assert.deepEqual(deprecatedRuleKeys(settings), [
      { key: 'duplicate-key', replacements: ['iam/duplicate-key (IAM002)', 'buildspec/duplicate-key (BSP003)', 'appspec/duplicate-key (APS003)'] },
    ]);
  });
});
