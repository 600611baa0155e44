import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildspecFindings } from './helpers';

/**
 * Buildspec fixtures: every file under valid/ must produce no finding at all (a false alarm is
 * worse than a miss); every file under invalid/ is compared with its `.expected.txt`
 * (`UPDATE=1 npm test` rewrites them; review the diff).
 */

const root = path.join(__dirname, '..', 'fixtures', 'buildspec');
const update = process.env.UPDATE === '1';
const files = (dir: string) => (fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir)).filter((f) => /\.ya?ml$/.test(f)).sort() : []);

function render(text: string): string {
  const lines = buildspecFindings(text).map((f) => {
    const r = f.range;
    const fixes = (f.fixes ?? []).map((x) => ` [fix: ${x.title}]`).join('');
    return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${f.code}${f.severity ? `(${f.severity})` : ''} ${f.message}${fixes}`;
  });
  return `${lines.join('\n')}\n`;
}

describe('valid buildspecs produce no findings', () => {
  for (const file of files('valid')) {
    test(file, () => {
      const findings = buildspecFindings(fs.readFileSync(path.join(root, 'valid', file), 'utf8'));
      assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`), []);
    });
  }
});

describe('invalid buildspecs match their golden findings', () => {
  for (const file of files('invalid')) {
    test(file, () => {
      const actual = render(fs.readFileSync(path.join(root, 'invalid', file), 'utf8'));
      const expectedFile = path.join(root, 'invalid', file.replace(/\.ya?ml$/, '.expected.txt'));
      if (update || !fs.existsSync(expectedFile)) {
        if (!update) assert.fail(`missing ${path.basename(expectedFile)}: run UPDATE=1 npm test and review it`);
        fs.writeFileSync(expectedFile, actual);
        return;
      }
      assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
