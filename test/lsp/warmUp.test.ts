import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WarmUps } from '../../server/src/lsp/warmUp';
import { analyze, doc } from '../helpers';
import { actionHoverTargets } from '../../server/src/service/iam/hover';

/** Idle-time warm-ups (server/src/lsp/warmUp.ts) and what the IAM kind warms (its action names). */

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

/** Resolves when `done()` holds, checking between turns of the event loop (no fixed sleep). */
async function until(done: () => boolean, limit = 5_000): Promise<void> {
  const deadline = Date.now() + limit;
  while (!done()) {
    if (Date.now() > deadline) assert.fail('timed out');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('warm-ups in idle time', () => {
  test('every job runs, a few milliseconds at a time, giving the event loop back in between', async () => {
    const document = TextDocument.create('file:///p.json', 'json', 1, '{}');
    const warmUps = new WarmUps(() => document);
    const ran: number[] = [];
    let turns = 0;
    const jobs = Array.from({ length: 12 }, (_, i) => () => {
      busy(1);
      ran.push(i);
    });
    warmUps.start(document, () => jobs);
    assert.deepEqual(ran, [], 'nothing runs before the current message is answered');
    const counting = setInterval(() => turns++, 0);
    await until(() => ran.length === 12);
    clearInterval(counting);
    assert.deepEqual(ran, [...Array(12).keys()]);
    assert.ok(turns >= 3, `the event loop turned ${turns} times while 12 ms of jobs ran`);
  });

  test('a new version of the document stops the warm-up of the old one (documents are updated in place, as TextDocuments does)', async () => {
    const document = TextDocument.create('file:///p.json', 'json', 1, '{}');
    const warmUps = new WarmUps(() => document);
    let ran = 0;
    warmUps.start(document, () =>
      Array.from({ length: 50 }, () => () => {
        busy(1);
        ran++;
        if (ran === 3) TextDocument.update(document, [{ text: '{ }' }], 2);
      }),
    );
    await until(() => ran >= 3);
    // Give the loop a few more turns: the remaining jobs must not run.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.ok(ran < 10, `${ran} jobs ran after the document changed`);
  });

  test('nothing runs while requests keep coming: it waits until the server has been quiet for a while', async () => {
    const document = TextDocument.create('file:///p.json', 'json', 1, '{}');
    const warmUps = new WarmUps(() => document);
    let ran = 0;
    warmUps.start(document, () => [() => ran++]);
    const busyUntil = performance.now() + 250;
    while (performance.now() < busyUntil) {
      warmUps.touch();
      await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(ran, 0, 'a warm-up ran between two requests');
    }
    await until(() => ran === 1);
  });

  test('cancel (the document closed) stops it, and a failing job does not stop the others', async () => {
    const document = TextDocument.create('file:///p.json', 'json', 1, '{}');
    const warmUps = new WarmUps(() => document);
    let ran = 0;
    warmUps.start(document, () => [
      () => {
        throw new Error('boom');
      },
      () => ran++,
    ]);
    await until(() => ran === 1);
    warmUps.start(document, () => [() => ran++]);
    warmUps.cancel(document.uri);
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(ran, 1);
  });
});

describe('what a policy warms', () => {
  test('one position inside each distinct action name, in document order, case-insensitively', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:GetObject", "S3:getobject", "ec2:DescribeInstances"], "Resource": "*"},
    {"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}
  ]
}`;
    const document = doc(text);
    const analysis = analyze(text);
    const targets = actionHoverTargets(document, analysis.model);
    assert.deepEqual(
      targets.map(
        (position) =>
          text
            .split('\n')
            [position.line]!.slice(position.character - 1)
            .split('"')[0],
      ),
      ['s3:GetObject', 'ec2:DescribeInstances', 'iam:*'],
    );
  });
});
