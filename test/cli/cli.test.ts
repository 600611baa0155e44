import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ANSI, cli, codes, fixture, fixtures, manifest, run, runJson, type JsonReport } from './shared';

/**
 * End-to-end tests of the `aws-study-hints` CLI: the built dist/cli.js run as a child process,
 * as CI would run it. Run `npm run build` first.
 */

before(() => {
  assert.ok(fs.existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
});

describe('exit codes', () => {
  it('is 0 for a clean policy', () => {
    const r = run(['check', fixture('clean.json')]);
    assert.equal(r.status, 0, r.stderr);
  });

  it('is 0 when there are only warnings', () => {
    const { run: r, reports } = runJson(['check', fixture('warnings.json')]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(codes(reports[0]!), ['IAM090']);
    assert.equal(reports[0]!.diagnostics[0]!.severity, 'warning');
  });

  it('is 1 when any file has an error', () => {
    assert.equal(run(['check', fixture('errors.json')]).status, 1);
    assert.equal(run(['check', fixture('clean.json'), fixture('warnings.json'), fixture('errors.json')]).status, 1);
  });

  const usage: [string, string[], RegExp][] = [
    ['no arguments', [], /No command given/],
    ['an unknown command', ['lint', fixture('clean.json')], /Unknown command "lint"/],
    ['a bad --format', ['check', fixture('clean.json'), '--format', 'xml'], /--format must be text, json, jsonl or sarif, not "xml"/],
    ['a bad --kind', ['check', fixture('clean.json'), '--kind', 'bucket'], /--kind must be identity, resource, trust, scp, rcp or endpoint, not "bucket"/],
    ['a missing path', ['check', fixture('does-not-exist.json')], /No such file or folder: .*does-not-exist\.json/],
    ['a missing path next to a real one', ['check', fixture('clean.json'), fixture('nope')], /No such file or folder: .*nope/],
    ['check without paths', ['check'], /Name at least one file or folder/],
    ['an unknown option', ['check', fixture('clean.json'), '--bogus'], /bogus/],
  ];
  for (const [name, args, message] of usage) {
    it(`is 2 for ${name}, with a message and usage on stderr`, () => {
      const r = run(args);
      assert.equal(r.status, 2, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
      assert.match(r.stderr, /^aws-study-hints: /);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Usage: aws-study-hints check/);
      assert.equal(r.stdout, '');
    });
  }
});

describe('--format json', () => {
  it('prints one entry per policy with absolute paths and 1-based positions', () => {
    const { run: r, reports } = runJson(['check', fixture('errors.json')]);
    assert.equal(r.status, 1);
    assert.equal(reports.length, 1);
    const report = reports[0]!;
    assert.deepEqual(Object.keys(report).sort(), ['diagnostics', 'file', 'kind']);
    assert.ok(path.isAbsolute(report.file), report.file);
    assert.equal(report.file, fixture('errors.json'));
    assert.equal(report.kind, 'identity');
    for (const d of report.diagnostics) {
      assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'endColumn', 'endLine', 'fixes', 'line', 'message', 'severity']);
      for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
        assert.ok(Number.isInteger(d[key]) && d[key] >= 1, `${d.code} ${key} = ${d[key]}`);
      }
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity), d.severity);
      assert.match(d.code, /^IAM\d{3}$/);
      assert.ok(d.message.length > 0);
      assert.ok(Array.isArray(d.fixes));
      for (const fix of d.fixes) {
        assert.equal(typeof fix.title, 'string');
        assert.ok(Array.isArray(fix.edits) && fix.edits.length > 0);
        for (const e of fix.edits) {
          assert.equal(typeof e.newText, 'string');
          assert.ok(e.line >= 1 && e.column >= 1 && e.endLine >= 1 && e.endColumn >= 1);
        }
      }
    }
    assert.deepEqual(codes(report).sort(), ['IAM022', 'IAM042']);
  });

  it('locates the unknown action exactly and offers the close match as a fix', () => {
    const { reports } = runJson(['check', fixture('errors.json')]);
    const text = fs.readFileSync(fixture('errors.json'), 'utf8').split('\n');
    const unknown = reports[0]!.diagnostics.find((d) => d.code === 'IAM042');
    assert.ok(unknown, 'IAM042 reported');
    // Line 6 is `      "Action": "s3:GetObjects",`; the range covers the unknown action name, GetObjects.
    assert.equal(text[5], '      "Action": "s3:GetObjects",');
    assert.deepEqual(
      { line: unknown.line, column: unknown.column, endLine: unknown.endLine, endColumn: unknown.endColumn },
      { line: 6, column: 21, endLine: 6, endColumn: 31 },
    );
    assert.equal(text[5]!.slice(unknown.column - 1, unknown.endColumn - 1), 'GetObjects');
    assert.equal(unknown.severity, 'error');
    assert.match(unknown.message, /GetObjects/);
    assert.equal(unknown.fixes[0]?.title, 'Change to "s3:GetObject"');
    // The fix replaces the whole string literal, quotes included.
    assert.deepEqual(unknown.fixes[0]!.edits, [{ line: 6, column: 17, endLine: 6, endColumn: 32, newText: '"s3:GetObject"' }]);
  });

  it('reports the lowercase effect as IAM022 with a fix', () => {
    const { reports } = runJson(['check', fixture('errors.json')]);
    const effect = reports[0]!.diagnostics.find((d) => d.code === 'IAM022');
    assert.ok(effect);
    assert.equal(effect.line, 5);
    assert.equal(effect.fixes[0]?.title, 'Change to "Allow"');
  });

  it('prints an empty list of diagnostics for a clean policy', () => {
    const { run: r, reports } = runJson(['check', fixture('clean.json')]);
    assert.equal(r.status, 0);
    assert.deepEqual(reports, [{ file: fixture('clean.json'), kind: 'identity', diagnostics: [] }]);
  });

  it('accepts --format=json', () => {
    const r = run(['check', fixture('clean.json'), '--format=json']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as JsonReport[]).length, 1);
  });
});

describe('text format', () => {
  it('prints the file, line:column locations, severities, codes and a summary', () => {
    const r = run(['check', fixture('errors.json'), fixture('warnings.json'), fixture('clean.json'), '--no-color']);
    assert.equal(r.status, 1);
    const out = r.stdout;
    assert.doesNotMatch(out, ANSI);
    assert.match(out, /^test\/cli\/fixtures\/errors\.json \(identity policy\)$/m);
    assert.match(out, /^test\/cli\/fixtures\/warnings\.json \(identity policy\)$/m);
    assert.doesNotMatch(out, /clean\.json/, 'files without problems are not listed');
    assert.match(out, /^\s+6:21\s+error\s+.*GetObjects.*\bIAM042$/m);
    assert.match(out, /^\s+5:18\s+error\s+.*\bIAM022$/m);
    assert.match(out, /^\s+6:18\s+warning\s+.*\bIAM090$/m);
    const lines = out.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^3 problems \(2 errors, 1 warnings?, 0 infos\) in 2 of 3 files\.$/);
  });

  it('summarises a clean run', () => {
    const r = run(['check', fixture('clean.json')]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), 'No problems in 1 file.');
  });

  it('prints no ANSI escapes with --no-color, even when colour is not otherwise disabled', () => {
    for (const env of [{}, { FORCE_COLOR: '1' }]) {
      const r = run(['check', fixture('errors.json'), '--no-color'], env);
      assert.doesNotMatch(r.stdout, ANSI);
      assert.doesNotMatch(r.stderr, ANSI);
    }
  });

  it('prints no ANSI escapes when stdout is not a terminal', () => {
    const r = run(['check', fixture('errors.json')]);
    assert.doesNotMatch(r.stdout, ANSI);
  });
});

/** The parts of SARIF 2.1.0 that code-scanning tools rely on. */

describe('--kind', () => {
  it('forces the kind: a statement without Principal is an error in a resource policy', () => {
    const plain = runJson(['check', fixture('no-principal.json')]);
    assert.equal(plain.run.status, 0);
    assert.equal(plain.reports[0]!.kind, 'identity');
    assert.deepEqual(codes(plain.reports[0]!), []);

    const forced = runJson(['check', fixture('no-principal.json'), '--kind', 'resource']);
    assert.equal(forced.run.status, 1);
    assert.equal(forced.reports[0]!.kind, 'resource');
    assert.ok(codes(forced.reports[0]!).includes('IAM028'), codes(forced.reports[0]!).join(', '));
  });

  it('overrides the kind a settings file assigns', () => {
    const { reports } = runJson(['check', fixture('workspace-settings', 'scp'), '--kind', 'resource']);
    assert.equal(reports.length, 1);
    assert.equal(reports[0]!.kind, 'resource');
    assert.ok(!codes(reports[0]!).includes('IAM029'));
  });
});

describe('folders', () => {
  it('walks folders recursively, skipping node_modules and dot-folders', () => {
    const { run: r, reports } = runJson(['check', fixture('walk')]);
    assert.equal(r.status, 0, 'the error policies live only in skipped folders');
    const files = reports.map((report) => path.relative(fixtures, report.file)).sort();
    assert.deepEqual(files, [path.join('walk', 'sub', 'nested.json'), path.join('walk', 'top.json')]);
    assert.doesNotMatch(r.stderr, /package-like\.json/, 'non-policy files found by walking are skipped silently');
  });

  it('applies the nearest .vscode/settings.json: rule severities and policy kinds', () => {
    const { run: r, reports } = runJson(['check', fixture('workspace-settings')]);
    const byFile = new Map(reports.map((report) => [path.relative(fixture('workspace-settings'), report.file), report]));
    assert.deepEqual([...byFile.keys()].sort(), [path.join('scp', 'deny-with-principal.json'), 'typo.json']);

    const typo = byFile.get('typo.json')!;
    assert.equal(typo.kind, 'identity');
    assert.ok(!codes(typo).includes('IAM042'), 'IAM042 is off in this workspace');
    assert.ok(codes(typo).includes('IAM022'), 'other rules still apply');

    const scp = byFile.get(path.join('scp', 'deny-with-principal.json'))!;
    assert.equal(scp.kind, 'scp');
    assert.ok(codes(scp).includes('IAM029'), codes(scp).join(', '));
    assert.equal(r.status, 1);
  });

  it('applies the settings to a file named directly, too', () => {
    const { reports } = runJson(['check', fixture('workspace-settings', 'scp', 'deny-with-principal.json')]);
    assert.equal(reports[0]!.kind, 'scp');
    assert.ok(codes(reports[0]!).includes('IAM029'));
  });

  it('does not apply the settings outside their folder', () => {
    const { reports } = runJson(['check', fixture('errors.json')]);
    assert.ok(codes(reports[0]!).includes('IAM042'));
  });
});

describe('non-policy files', () => {
  it('notes a named non-policy file on stderr and leaves it out of the output', () => {
    const { run: r, reports } = runJson(['check', fixture('not-a-policy.json'), fixture('clean.json')]);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /not-a-policy\.json: not an IAM policy/);
    assert.deepEqual(
      reports.map((report) => report.file),
      [fixture('clean.json')],
    );
  });

  it('prints an empty list when the only file is not a policy', () => {
    const { run: r, reports } = runJson(['check', fixture('not-a-policy.json')]);
    assert.equal(r.status, 0);
    assert.deepEqual(reports, []);
    assert.match(r.stderr, /--kind/);
  });
});

describe('help and version', () => {
  for (const flag of ['--help', '-h', 'help']) {
    it(`${flag} prints usage and exits 0`, () => {
      const r = run([flag]);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^Usage: aws-study-hints check <files or folders\.\.\.> \[--notes <dir>\.\.\.\] \[options\]/);
      assert.match(r.stdout, /--format text\|json\|sarif/);
      assert.match(r.stdout, /--kind/);
      assert.match(r.stdout, /Exit status/);
      assert.equal(r.stderr, '');
    });
  }

  it('check --help prints usage and exits 0', () => {
    const r = run(['check', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: aws-study-hints/);
  });

  for (const flag of ['--version', '-v']) {
    it(`${flag} prints the package.json version`, () => {
      const r = run([flag]);
      assert.equal(r.status, 0);
      assert.equal(r.stdout.trim(), manifest.version);
    });
  }
});

describe('bundled examples', () => {
  it('examples/policies/good has no problems', () => {
    const text = run(['check', 'examples/policies/good']);
    assert.equal(text.status, 0, text.stdout);
    assert.match(text.stdout, /^No problems in \d+ files\.$/m);

    const { run: r, reports } = runJson(['check', 'examples/policies/good']);
    assert.equal(r.status, 0);
    assert.ok(reports.length > 0, 'the good examples are recognised as policies');
    for (const report of reports) assert.deepEqual(report.diagnostics, [], `${report.file}: ${codes(report).join(', ')}`);
  });

  it('examples/policies/bad exits 1 with errors in the files', () => {
    const { run: r, reports } = runJson(['check', 'examples/policies/bad']);
    assert.equal(r.status, 1);
    assert.ok(reports.length > 0);
    assert.ok(reports.some((report) => report.diagnostics.some((d) => d.severity === 'error')));
    const scp = reports.find((report) => report.file.endsWith(path.join('scp', 'scp-with-principal.json')));
    assert.equal(scp?.kind, 'scp', 'examples/.vscode/settings.json marks scp/ as SCPs');
  });
});
