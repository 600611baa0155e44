import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { installQuietly, tailOfFile } from '../../scripts/editor/quietInstall.mjs';

/**
 * The quiet install behind `npm start` and the editor tests' first run: a fake, noisy command
 * (this Node with a script) stands in for `npm install code-server`, so nothing is downloaded.
 */

const root = path.resolve(__dirname, '..', '..');
const moduleUrl = pathToFileURL(path.join(root, 'scripts', 'editor', 'quietInstall.mjs')).href;

/** A fake installer: `lines` numbered lines, alternating stdout and stderr, then exit `code`. */
const noisy = (lines: number, code = 0) => [
  '-e',
  `for (let i = 1; i <= ${lines}; i++) (i % 2 ? process.stdout : process.stderr).write('compiler line ' + i + '\\n'); process.exit(${code});`,
];

/** Collects what would go to the terminal. */
function terminal() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

/** A clock that moves on by `step` ms at each reading. */
function clock(step: number) {
  let t = 1_000_000;
  return () => (t += step);
}

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-quiet-test-'));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('installQuietly', () => {
  it('sends the command output to the log and shows one progress line', () => {
    const logFile = path.join(dir, 'ok', 'install.log');
    const out = terminal();
    const result = installQuietly({ title: 'Installing fake 1.0', logFile, out, now: clock(21_000) }, ({ run }) => {
      const r = run(process.execPath, noisy(460));
      assert.equal(r.status, 0);
      return 'the entry';
    });
    assert.equal(result, 'the entry');
    assert.equal(out.text(), `Installing fake 1.0 (log: ${logFile})… done in 21 s\n`);
    const log = fs.readFileSync(logFile, 'utf8');
    for (const n of [1, 2, 230, 459, 460]) assert.match(log, new RegExp(`^compiler line ${n}$`, 'm'));
    assert.match(log, /^Installing fake 1\.0, started /);
    assert.ok(log.includes(`$ ${process.execPath} -e`), 'the log names the command');
    assert.match(log, /done in 21 s\n$/);
  });

  it('writes exactly one line to the real terminal, even with a noisy command', () => {
    const logFile = path.join(dir, 'terminal', 'install.log');
    const script = `
      import { installQuietly } from ${JSON.stringify(moduleUrl)};
      installQuietly({ title: 'Installing fake 2.0', logFile: ${JSON.stringify(logFile)}, out: process.stdout }, ({ run }) => {
        run(process.execPath, ${JSON.stringify(noisy(500))});
        run(process.execPath, ${JSON.stringify(noisy(10))});
      });`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stderr, '');
    assert.match(child.stdout, /^Installing fake 2\.0 \(log: .*install\.log\)… done in \d+ s\n$/);
    assert.equal(fs.readFileSync(logFile, 'utf8').match(/^compiler line \d+$/gm)?.length, 510);
  });

  it('on failure shows the last 30 lines of the log and its path, and throws', () => {
    const logFile = path.join(dir, 'fail', 'install.log');
    const out = terminal();
    assert.throws(
      () =>
        installQuietly({ title: 'Installing fake 3.0', logFile, out, now: clock(5_000) }, ({ run }) => {
          const r = run(process.execPath, noisy(200, 3));
          if (r.status !== 0) throw new Error(`npm exit ${r.status}`);
        }),
      (error: Error) => error.message === `npm exit 3 (full log: ${logFile})`,
    );
    const text = out.text();
    const lines = text.split('\n');
    assert.equal(lines[0], `Installing fake 3.0 (log: ${logFile})… failed after 5 s: npm exit 3`);
    assert.ok(text.includes(`last 30 lines of ${logFile}`));
    assert.ok(text.includes(`full log: ${logFile}`));
    // The tail: the end of the command's output and the failure, not its beginning.
    assert.match(text, /^compiler line 200$/m);
    assert.match(text, /^compiler line 180$/m);
    assert.doesNotMatch(text, /^compiler line 150$/m);
    assert.doesNotMatch(text, /^compiler line 1$/m);
    assert.match(text, /exited with 3/);
    assert.match(text, /FAILED after 5 s: npm exit 3/);
    const shown = text.slice(text.indexOf('---\n') + 4, text.lastIndexOf('\n--- end of log'));
    assert.equal(shown.split('\n').length, 30);
    // The whole output stays in the log.
    assert.match(fs.readFileSync(logFile, 'utf8'), /^compiler line 1$/m);
  });

  it('notes a command that cannot be started, and starts the log afresh each time', () => {
    const logFile = path.join(dir, 'missing', 'install.log');
    installQuietly({ title: 'first', logFile, out: terminal() }, ({ run }) => run(process.execPath, noisy(3)));
    const out = terminal();
    installQuietly({ title: 'second', logFile, out }, ({ run, note }) => {
      const r = run('aws-study-hints-no-such-command', ['--flag']);
      assert.ok(r.error);
      note('a note of the script');
    });
    const log = fs.readFileSync(logFile, 'utf8');
    assert.match(log, /^second, started /);
    assert.doesNotMatch(log, /compiler line/);
    assert.match(log, /could not run aws-study-hints-no-such-command/);
    assert.match(log, /^a note of the script$/m);
    assert.match(out.text(), /^second \(log: .*\)… done in \d+ s\n$/);
  });
});

describe('tailOfFile', () => {
  it('gives the last lines without the trailing newline, or an empty string', () => {
    const file = path.join(dir, 'tail.txt');
    fs.writeFileSync(file, 'a\nb\nc\nd\n\n');
    assert.equal(tailOfFile(file, 2), 'c\nd');
    assert.equal(tailOfFile(file, 10), 'a\nb\nc\nd');
    assert.equal(tailOfFile(path.join(dir, 'nope.txt')), '');
  });
});
