import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPolicyKind } from '../../server/src/service/iam/detect';
import { analyze } from '../helpers';

/**
 * Golden fixtures: every `test/fixtures/iam/*.json` is analysed and its findings, with exact
 * ranges, compared to the `.expected.txt` beside it. `UPDATE=1 npm test` rewrites them;
 * review the diff before committing. A file named `kind-<kind>-…` is analysed as that kind.
 */

const dir = path.join(__dirname, '..', 'fixtures', 'iam');
const update = process.env.UPDATE === '1';

function render(file: string): string {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const kindMatch = /^kind-([a-z]+)-/.exec(file);
  const kind = kindMatch && isPolicyKind(kindMatch[1]) ? kindMatch[1] : undefined;
  const analysis = analyze(text, kind);
  const lines = [`kind: ${analysis.kind}`];
  for (const f of analysis.findings) {
    const r = f.range;
    const fixes = (f.fixes ?? []).map((x) => ` [fix: ${x.title}]`).join('');
    lines.push(`${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${f.code}${f.severity ? `(${f.severity})` : ''} ${f.message}${fixes}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('golden fixtures', () => {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    test(file, () => {
      const expectedFile = path.join(dir, file.replace(/\.json$/, '.expected.txt'));
      const actual = render(file);
      if (update || !fs.existsSync(expectedFile)) {
        if (!update) assert.fail(`missing ${path.basename(expectedFile)}: run UPDATE=1 npm test and review it`);
        fs.writeFileSync(expectedFile, actual);
        return;
      }
      assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
