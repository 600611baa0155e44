import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../server/src/service/common/findings';

/**
 * The one golden-fixture runner, used by test/{iam,buildspec,appspec}/golden.test.ts. The layout is
 * the same for every kind of document:
 *
 *   test/fixtures/<kind>/valid/<name>.<ext>            must give no finding at all (a false alarm is worse
 *                                                      than a miss); when a <name>.expected.txt is beside
 *                                                      it (what was detected, e.g. `kind: trust`), it is
 *                                                      compared as well
 *   test/fixtures/<kind>/invalid/<name>.<ext>          its findings, with exact ranges, codes, severities,
 *   test/fixtures/<kind>/invalid/<name>.expected.txt   messages and fix titles, must equal this golden file
 *
 * Other files beside them (e.g. <name>.README.txt, what an AppSpec fixture is about) are not read.
 *
 * `UPDATE=1 npm test` (or `UPDATE=1 node scripts/run-tests.mjs golden`) rewrites the golden files,
 * and writes those that are missing under invalid/; review the diff before committing.
 */

export const FIXTURES = path.join(__dirname, 'fixtures');
const update = process.env.UPDATE === '1';

export interface GoldenAnalysis {
  /** First line of the golden file: what the analysis detected (policy kind, AppSpec platform), if anything. */
  readonly header?: string;
  readonly findings: readonly Finding[];
}

export interface GoldenKind {
  /** Folder under test/fixtures, and the name of the suite. */
  readonly kind: string;
  /** Which files of valid/ and invalid/ are fixtures. */
  readonly fixture: RegExp;
  /** Analyses the fixture at the absolute path `file`, whose content is `text`. */
  analyse(file: string, text: string): GoldenAnalysis;
}

/** `line:col-line:col CODE(severity) message [fix: title]` per finding, 1-based, after the optional header. */
export function renderGolden({ header, findings }: GoldenAnalysis): string {
  const lines = header === undefined ? [] : [header];
  for (const f of findings) {
    const r = f.range;
    const fixes = (f.fixes ?? []).map((x) => ` [fix: ${x.title}]`).join('');
    lines.push(
      `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${f.code}${f.severity ? `(${f.severity})` : ''} ${f.message}${fixes}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The fixtures of `dir` (sorted), each with the golden file that belongs to it. */
function fixtures(dir: string, pattern: RegExp): { file: string; name: string; golden: string }[] {
  if (!fs.existsSync(dir)) return [];
  const found = fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => {
      const name = f.slice(0, f.length - path.extname(f).length);
      return { file: f, name, golden: path.join(dir, `${name}.expected.txt`) };
    });
  const names = found.map((f) => f.name);
  const shared = names.filter((n, i) => names.indexOf(n) !== i);
  if (shared.length > 0) throw new Error(`${dir}: fixtures ${shared.join(', ')} would share a golden file`);
  return found;
}

function compareWithGolden(actual: string, golden: string, required: boolean): void {
  const exists = fs.existsSync(golden);
  if (update && (exists || required)) {
    fs.writeFileSync(golden, actual);
    return;
  }
  if (!exists) {
    if (required) assert.fail(`missing ${path.relative(FIXTURES, golden)}: run UPDATE=1 npm test and review it`);
    return;
  }
  assert.equal(actual, fs.readFileSync(golden, 'utf8'));
}

/** Registers the valid/ and invalid/ suites of one kind of fixture. */
export function goldenTests(kind: GoldenKind): void {
  const root = path.join(FIXTURES, kind.kind);
  const analyse = (dir: string, file: string) => {
    const full = path.join(root, dir, file);
    return kind.analyse(full, fs.readFileSync(full, 'utf8'));
  };

  describe(`${kind.kind} fixtures: valid/ produce no findings`, () => {
    for (const { file, golden } of fixtures(path.join(root, 'valid'), kind.fixture)) {
      test(file, () => {
        const analysis = analyse('valid', file);
        assert.deepEqual(
          analysis.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`),
          [],
        );
        compareWithGolden(renderGolden(analysis), golden, false);
      });
    }
  });

  describe(`${kind.kind} fixtures: invalid/ match their golden findings`, () => {
    for (const { file, golden } of fixtures(path.join(root, 'invalid'), kind.fixture)) {
      test(file, () => {
        compareWithGolden(renderGolden(analyse('invalid', file)), golden, true);
      });
    }
  });
}
