import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePolicy } from '../../server/src/service/iam/analyze';
import { StatementCache } from '../../server/src/service/iam/statementCache';
import { createLanguageService } from '../../server/src/service/languageService';
import { FIXTURES } from '../golden';
import { prng, testCatalog } from '../helpers';

/**
 * Statements' own findings reused across versions (iam/statementCache.ts) must never change what
 * is reported: after any edit, a service that kept them reports exactly what a fresh one does.
 */

const POLICIES = ['valid', 'invalid'].flatMap((dir) =>
  fs
    .readdirSync(path.join(FIXTURES, 'iam', dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name: `${dir}/${name}`, text: fs.readFileSync(path.join(FIXTURES, 'iam', dir, name), 'utf8') })),
);

const INSERTS = [
  'x',
  'S',
  '*',
  ':',
  '"',
  ',',
  ' ',
  '\n',
  '{',
  '}',
  '"s3:GetObjects"',
  '"Deny"',
  '"Sid": "Dup", ',
  '"Sid": "Same", ',
  '{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, ',
  '{"Sid": "Same", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}, ',
  '"2008-10-17"',
  '"Principal": "*", ',
];

const catalog = testCatalog();

describe('statement findings reused across versions', () => {
  test('random edits (seeded): a service that keeps them reports what a fresh service reports, at every version', () => {
    const random = prng(2026);
    const kept = createLanguageService({ catalog });
    let steps = 0;
    for (const { name, text } of POLICIES) {
      let document = TextDocument.create(`file:///ws/${path.basename(name)}`, 'json', 1, text);
      kept.diagnostics(document);
      for (let i = 0; i < 40; i++) {
        const current = document.getText();
        const at = Math.floor(random() * current.length);
        const removed = random() < 0.3 ? Math.floor(random() * 6) : 0;
        const inserted = random() < 0.2 ? '' : INSERTS[Math.floor(random() * INSERTS.length)]!;
        document = TextDocument.update(
          document,
          [{ range: { start: document.positionAt(at), end: document.positionAt(at + removed) }, text: inserted }],
          document.version + 1,
        );
        const fresh = createLanguageService({ catalog });
        assert.deepEqual(kept.diagnostics(document), fresh.diagnostics(document), `${name}, edit ${i}: ${JSON.stringify(document.getText())}`);
        steps++;
      }
    }
    assert.ok(steps >= 500, `${steps} edits`);
  });

  test('an edit inside one statement of a large policy re-checks that statement only', () => {
    const statements = Array.from({ length: 300 }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: i % 7 === 0 ? ['s3:GetObjects', 's3:PutObject'] : ['s3:GetObject', 'sqs:SendMessage'],
      Resource: i % 5 === 0 ? '*' : ['arn:aws:s3:::bucket/*', 'arn:aws:sqs:eu-west-1:123456789012:queue'],
    }));
    const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
    const cache = new StatementCache();
    const first = analyzePolicy(TextDocument.create('file:///p.json', 'json', 1, text), catalog, { statements: cache })!;
    assert.equal(first.reusedStatements, 0);
    // Typing in the middle (one letter more in a Sid) moves every later statement: their findings move with them.
    const edited = text.replace('"S150"', '"S150x"');
    const document = TextDocument.create('file:///p.json', 'json', 2, edited);
    const second = analyzePolicy(document, catalog, { statements: cache })!;
    assert.equal(second.reusedStatements, 299);
    const fresh = analyzePolicy(document, catalog)!;
    assert.deepEqual(second.findings, fresh.findings);
    assert.ok(second.findings.length > 40);
  });

  test('a new Version or a different policy kind re-checks every statement', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' }],
    });
    const cache = new StatementCache();
    analyzePolicy(TextDocument.create('file:///p.json', 'json', 1, text), catalog, { statements: cache });
    const older = text.replace('2012-10-17', '2008-10-17');
    const old = analyzePolicy(TextDocument.create('file:///p.json', 'json', 2, older), catalog, { statements: cache })!;
    assert.equal(old.reusedStatements, 0);
    assert.deepEqual(old.findings, analyzePolicy(TextDocument.create('file:///p.json', 'json', 2, older), catalog)!.findings);
    const asResource = analyzePolicy(TextDocument.create('file:///p.json', 'json', 3, text), catalog, { statements: cache, kind: 'resource' })!;
    assert.equal(asResource.reusedStatements, 0);
    assert.deepEqual(asResource.findings, analyzePolicy(TextDocument.create('file:///p.json', 'json', 3, text), catalog, { kind: 'resource' })!.findings);
  });

  test('only the last few policy forms keep their statements: typing a Version makes one per keystroke', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    const cache = new StatementCache();
    const analyse = (version: string, revision: number) =>
      analyzePolicy(TextDocument.create('file:///p.json', 'json', revision, text.replace('2012-10-17', version)), catalog, { statements: cache })!;
    analyse('2012-10-17', 1);
    // Eight other Versions, as typing one character after another makes them.
    for (let i = 1; i <= 8; i++) analyse('2012-10-17'.slice(0, i), i + 1);
    assert.equal(analyse('2012-10-', 20).reusedStatements, 1, 'a recent form is still kept');
    assert.equal(analyse('2012-10-17', 21).reusedStatements, 0, 'the form kept longest ago was dropped');
  });
});
