import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { CardStore } from '../../server/src/service/quiz/store';
import { poll } from '../support/poll.mjs';
import { prng } from '../helpers';

/**
 * Study progress survives a kill at any point of a save: a child process saves in a loop and is
 * killed (SIGKILL, no chance to clean up) at random moments, again and again; after each kill the
 * store opens with a complete state at least as recent as the last save the child reported.
 */

const CHILD = path.join(__dirname, 'support', 'saveLoop.ts');
const KILLS = 12;

describe('card store under SIGKILL', { timeout: 120_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-crash-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test(`${KILLS} kills at random points of the save loop`, async (t) => {
    const file = path.join(dir, 'study-cards.json');
    const random = prng(Number(process.env.CRASH_SEED ?? 20261207));
    let acknowledged = 0;
    let interrupted = 0;
    for (let round = 0; round < KILLS; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      let exited = false;
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
      });
      child.on('exit', () => {
        exited = true;
      });
      const loaded = await poll('the child to open the store', () => /loaded (\d+) (\w+)/.exec(out), { timeoutMs: 30_000 });
      // What the child loaded after the previous kill: complete, and no older than the last save it reported.
      assert.equal(loaded[2], 'ok', `round ${round}: the store was reported damaged`);
      assert.ok(Number(loaded[1]) >= acknowledged, `round ${round}: loaded ${loaded[1]} cards, but ${acknowledged} were saved`);
      // Kill after a random number of further saves (0 = during the first one, or before it).
      const extra = Math.floor(random() * 25);
      const target = Number(loaded[1]) + extra;
      await poll(`save ${target}`, () => extra === 0 || lastSaved(out) >= target || exited, { timeoutMs: 30_000, intervalMs: 1 });
      child.kill('SIGKILL');
      await poll('the child to end', () => exited);
      assert.ok(!err.includes('Error'), err);
      acknowledged = Math.max(acknowledged, lastSaved(out));
      if (fs.readdirSync(dir).some((name) => name.includes('.tmp-'))) interrupted++;

      // The parent's own look at the file: opens cleanly, every card from q0 on is there and whole.
      const { store, report } = CardStore.open(file);
      assert.equal(report.problem, undefined, `round ${round}: ${report.problem}`);
      assert.ok(store.size >= acknowledged, `round ${round}: ${store.size} cards after ${acknowledged} saves`);
      for (let i = 0; i < store.size; i++) assert.equal(store.get(`q${i}`)?.question.prompt, `card ${i}`, `round ${round}: card q${i}`);
    }
    assert.ok(acknowledged > 0, 'the child saved at least once');
    t.diagnostic(`${interrupted} of ${KILLS} kills interrupted a save (left a temporary file); ${acknowledged} saves in all`);
    // Opening the store removes what the killed saves left behind.
    CardStore.open(file);
    assert.deepEqual(
      fs.readdirSync(dir).filter((name) => name.includes('.tmp-')),
      [],
    );
  });
});

function lastSaved(out: string): number {
  const all = [...out.matchAll(/saved (\d+)\n/g)];
  return all.length > 0 ? Number(all[all.length - 1]![1]) : 0;
}
