import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/languageService';
import { buildspecFindings } from './helpers';

/** Pathological buildspecs: nesting no reader can follow, control characters, and more findings than anyone reads. */

describe('buildspec robustness', () => {
  test('8,000 nested flow lists: one clear finding, nothing derived from it', () => {
    const findings = buildspecFindings(`version: 0.2\nphases: ${'['.repeat(8000)}${']'.repeat(8000)}\n`);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['BSP001'],
    );
    assert.match(findings[0]!.message, /hundreds of levels deep/);
    assert.doesNotMatch(findings[0]!.message, /call stack/i);
  });

  test('a chain of 8,000 "- " and 3,000 indented mappings are reported the same way', () => {
    for (const text of [
      `version: 0.2\nphases:\n  build:\n    commands:\n      ${'- '.repeat(8000)}make\n`,
      `version: 0.2\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
    ]) {
      const findings = buildspecFindings(text);
      assert.deepEqual(
        findings.map((f) => f.code),
        ['BSP001'],
      );
      assert.match(findings[0]!.message, /hundreds of levels deep/);
    }
  });

  test('a file saved as UTF-16 without a byte order mark: at most 20 control-character findings, no crash', () => {
    const utf16 = [...'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n'.repeat(10)].join('\u0000');
    const control = buildspecFindings(utf16).filter((f) => f.message.startsWith('Control character'));
    assert.equal(control.length, 20);
    assert.match(control[0]!.message, /saved as UTF-16/);
  });

  test('findings are capped at maxProblems with BSP099, in reasonable time', () => {
    const service = createLanguageService();
    const keys = Array.from({ length: 1500 }, (_, i) => `unknown_${i}: x`).join('\n');
    const document = TextDocument.create('file:///ws/big/buildspec.yml', 'yaml', 1, `version: 0.2\nphases:\n  build:\n    commands:\n      - make\n${keys}\n`);
    const started = performance.now();
    const diagnostics = service.diagnostics(document);
    assert.ok(performance.now() - started < 10_000, 'analysed within 10 s');
    assert.equal(diagnostics.length, 1001);
    assert.equal(diagnostics[1000]!.code, 'BSP099');
    assert.equal(diagnostics[1000]!.message, 'Showing the first 1000 of 1500 problems in this document.');
  });
});
