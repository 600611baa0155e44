import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeAppSpec } from '../../server/src/service/appspec/analyze';
import { createLanguageService } from '../../server/src/service/languageService';
import { cli, runJson } from '../cli/shared';

/** Pathological AppSpecs, in the service and through the CLI: nothing crashes, and one bad file never costs another its results. */

const analyse = (text: string, json: boolean) => {
  const analysis = analyzeAppSpec(TextDocument.create(`file:///ws/appspec.${json ? 'json' : 'yml'}`, json ? 'json' : 'yaml', 1, text), json);
  assert.ok(analysis);
  return analysis;
};

const DEEP_JSON = `${'{"a":'.repeat(8000)}1${'}'.repeat(8000)}`;

describe('AppSpec robustness', () => {
  test('an appspec.json nested 8,000 levels deep: one clear finding, no RangeError', () => {
    for (const text of [DEEP_JSON, `${'['.repeat(8000)}${']'.repeat(8000)}`]) {
      const findings = analyse(text, true).findings;
      assert.deepEqual(
        findings.map((f) => f.code),
        ['APS001'],
      );
      assert.match(findings[0]!.message, /hundreds of levels deep/);
    }
  });

  test('deep YAML: one clear finding instead of "Maximum call stack size exceeded"', () => {
    const findings = analyse(`version: 0.0\nos: linux\nfiles: ${'['.repeat(8000)}${']'.repeat(8000)}\n`, false).findings;
    assert.deepEqual(
      findings.map((f) => f.code),
      ['APS001'],
    );
    assert.doesNotMatch(findings[0]!.message, /call stack/i);
  });

  test('findings are capped at maxProblems with APS099', () => {
    const service = createLanguageService();
    const hooks = Array.from({ length: 1200 }, (_, i) => `  NotAnEvent${i}:\n    - location: s.sh\n`).join('');
    const diagnostics = service.diagnostics(TextDocument.create('file:///ws/big/appspec.yml', 'yaml', 1, `version: 0.0\nos: linux\nhooks:\n${hooks}`));
    assert.equal(diagnostics.length, 1001);
    assert.equal(diagnostics[1000]!.code, 'APS099');
  });
});

describe('the CLI checks each file on its own', () => {
  let folder: string;
  before(() => {
    assert.ok(fs.existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-pipelines-'));
    for (const [dir, name, text] of [
      ['deep', 'appspec.json', DEEP_JSON],
      ['metadata', 'appspec.json', '{"name": "widget", "license": "MIT", "settings": {"theme": "dark"}}'],
      ['service', 'buildspec.yml', 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n      - # note\n'],
    ] as const) {
      fs.mkdirSync(path.join(folder, dir));
      fs.writeFileSync(path.join(folder, dir, name), text);
    }
  });

  test('a deep file and a normal one: both reported, the app metadata skipped quietly', () => {
    const { run, reports } = runJson(['check', folder]);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const byDir = Object.fromEntries(reports.map((r) => [path.basename(path.dirname(r.file)), r]));
    assert.deepEqual(Object.keys(byDir).sort(), ['deep', 'service']);
    assert.deepEqual(
      byDir.deep!.diagnostics.map((d) => d.code),
      ['APS001'],
    );
    assert.deepEqual(
      byDir.service!.diagnostics.map((d) => [d.code, d.line]),
      [['BSP021', 6]],
    );
  });

  test('named explicitly, the app metadata is said not to be an AppSpec', () => {
    const { run, reports } = runJson(['check', path.join(folder, 'metadata', 'appspec.json')]);
    assert.equal(run.status, 0);
    assert.deepEqual(reports, []);
    assert.match(run.stderr, /not an IAM policy, buildspec or AppSpec/);
  });
});
