import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The .vsix contains what the installed extension needs (bundles, compiled catalog, grammars,
 * icon, README, CHANGELOG, LICENSE) and nothing else: no sources, tests, source maps or node_modules.
 */

const root = path.resolve(__dirname, '..', '..');
const MAX_BYTES = 5 * 1024 * 1024;

/** File names from a zip's central directory (enough of the format to list a .vsix). */
function zipEntries(buffer: Buffer): string[] {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'end of central directory found');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(offset), 0x02014b50, 'central directory entry');
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the packaged extension', () => {
  let dir: string;
  let vsix: string;
  let entries: string[];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-vsix-'));
    vsix = path.join(dir, 'test.vsix');
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(result.status, 0, `vsce package failed:\n${result.stdout}\n${result.stderr}`);
    entries = zipEntries(fs.readFileSync(vsix));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test(`is at most ${MAX_BYTES / 1024 / 1024} MB`, () => {
    assert.ok(fs.statSync(vsix).size <= MAX_BYTES, `${fs.statSync(vsix).size} bytes`);
  });

  test('contains the bundles, the catalog, the grammars and the documents', () => {
    for (const required of [
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/images/icon.png',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/catalog/catalog.json',
      'extension/syntaxes/iam-policy.json-injection.tmLanguage.json',
      'extension/syntaxes/iam-policy.yaml-injection.tmLanguage.json',
      'extension/walkthrough/example-policy.json',
      'extension/walkthrough/policy.md',
    ]) {
      assert.ok(
        entries.some((e) => e.toLowerCase() === required.toLowerCase()),
        `${required} is packaged`,
      );
    }
    assert.equal(entries.filter((e) => e.startsWith('extension/dist/catalog/docs/')).length, 456, 'one docs file per service');
  });

  test('contains nothing else: no sources, tests, maps, CLI or node_modules', () => {
    const allowed = [
      /^\[Content_Types\]\.xml$/,
      /^extension\.vsixmanifest$/,
      /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/i,
      /^extension\/images\/icon\.png$/,
      /^extension\/dist\/(extension|server)\.js$/,
      /^extension\/dist\/catalog\/catalog\.json$/,
      /^extension\/dist\/catalog\/docs\/[a-z0-9-]+\.json$/,
      /^extension\/dist\/knowledge\/knowledge\.json$/,
      /^extension\/knowledge\/notes\/[a-z0-9-]+\.md$/,
      /^extension\/syntaxes\/[\w.-]+\.tmLanguage\.json$/,
      // The Get Started walkthrough: its pages and the example policy its first step opens.
      /^extension\/walkthrough\/[a-z-]+\.(md|json)$/,
    ];
    const unexpected = entries.filter((e) => !allowed.some((pattern) => pattern.test(e)));
    assert.deepEqual(unexpected, []);
  });

  test('the manifest in the package points at a packaged entry point', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    assert.ok(entries.includes(`extension/${manifest.main.replace(/^\.\//, '')}`));
  });
});
