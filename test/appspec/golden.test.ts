import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeAppSpec } from '../../server/src/service/appspec/analyze';

/**
 * AppSpec fixtures, one folder each (the file must be named appspec.*): every valid one gives no
 * finding; every invalid one matches the `expected.txt` beside it (`UPDATE=1 npm test` rewrites them).
 */

const root = path.join(__dirname, '..', 'fixtures', 'appspec');
const update = process.env.UPDATE === '1';

function cases(kind: 'valid' | 'invalid'): { name: string; file: string }[] {
  const dir = path.join(root, kind);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).sort().flatMap((name) => {
    const file = fs.readdirSync(path.join(dir, name)).find((f) => /^appspec\.(ya?ml|json)$/i.test(f));
    return file ? [{ name, file: path.join(dir, name, file) }] : [];
  });
}

function analyse(file: string) {
  const json = file.endsWith('.json');
  const document = TextDocument.create(`file://${file}`, json ? 'json' : 'yaml', 1, fs.readFileSync(file, 'utf8'));
  return analyzeAppSpec(document, json);
}

describe('valid AppSpecs produce no findings', () => {
  for (const { name, file } of cases('valid')) {
    test(name, () => {
      assert.deepEqual(analyse(file).findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`), []);
    });
  }
});

describe('invalid AppSpecs match their golden findings', () => {
  for (const { name, file } of cases('invalid')) {
    test(name, () => {
      const analysis = analyse(file);
      const lines = [`platform: ${analysis.platform} (${analysis.platformSource})`, ...analysis.findings.map((f) => {
        const r = f.range;
        const fixes = (f.fixes ?? []).map((x) => ` [fix: ${x.title}]`).join('');
        return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${f.code}${f.severity ? `(${f.severity})` : ''} ${f.message}${fixes}`;
      })];
      const actual = `${lines.join('\n')}\n`;
      const expectedFile = path.join(path.dirname(file), 'expected.txt');
      if (update || !fs.existsSync(expectedFile)) {
        if (!update) assert.fail(`missing ${path.relative(root, expectedFile)}: run UPDATE=1 npm test and review it`);
        fs.writeFileSync(expectedFile, actual);
        return;
      }
      assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
