import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/languageService';
import { PieceCache, parseYamlIncrementally } from '../../server/src/service/template/incremental';
import { parseYamlTemplate } from '../../server/src/service/template/tree';
import { FIXTURES } from '../golden';
import { prng, testCatalog } from '../helpers';

/**
 * The incremental YAML parse (template/incremental.ts) must give the tree a whole parse gives,
 * and fall back to the whole parse wherever reading a piece alone could differ. Analyses kept
 * between versions (pieces, renderings, policy analyses) must never leave a diagnostic that a
 * fresh analysis of the same text would not give.
 */

const ROOT = path.join(__dirname, '..', '..');
const TEMPLATES = [
  ...['valid', 'invalid'].flatMap((dir) => fs.readdirSync(path.join(FIXTURES, 'template', dir)).map((name) => path.join(FIXTURES, 'template', dir, name))),
  path.join(ROOT, 'examples', 'templates', 'sam-app.yaml'),
  path.join(ROOT, 'examples', 'templates', 'broken', 'template.yaml'),
]
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => ({ name: path.basename(file), text: fs.readFileSync(file, 'utf8') }));

/** The incremental parse of the text, and whether it was read piece by piece (a whole parse carries the syntax model). */
function incremental(text: string, cache = new PieceCache()) {
  const parsed = parseYamlIncrementally(text, cache);
  return { root: parsed.root, piecewise: parsed.yaml === undefined };
}

const tree = (text: string) => parseYamlTemplate(text).root;

const BASE = `AWSTemplateFormatVersion: "2010-09-09"
# resources below
Resources:
  # the bucket
  Bucket:
    Type: AWS::S3::Bucket
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
Outputs:
  Arn:
    Value: !GetAtt Role.Arn
`;

describe('incremental template parse', () => {
  test('every YAML fixture reads the same piece by piece as whole; the valid ones are read piece by piece', () => {
    assert.ok(TEMPLATES.length >= 15, `${TEMPLATES.length} templates`);
    for (const { name, text } of TEMPLATES) {
      const { root, piecewise } = incremental(text);
      assert.deepEqual(root, tree(text), name);
      if (!name.startsWith('yaml-syntax')) assert.ok(piecewise, `${name} was parsed whole`);
    }
    assert.ok(incremental(BASE).piecewise);
  });

  const WHOLE: readonly [string, string][] = [
    [
      'an anchor and its alias in two resources',
      BASE.replace('Type: AWS::S3::Bucket', 'Type: &t AWS::S3::Bucket').replace('Value: !GetAtt Role.Arn', 'Value: *t'),
    ],
    ['an alias to no anchor', BASE.replace('Value: !GetAtt Role.Arn', 'Value: *t')],
    ['a tab in the indentation', BASE.replace('    Type: AWS::S3::Bucket', '\tType: AWS::S3::Bucket')],
    ['a document marker', `---\n${BASE}`],
    ['a directive', `%YAML 1.2\n---\n${BASE}`],
    ['a byte-order mark', `\uFEFF${BASE}`],
    ['a lone carriage return', BASE.replace('# the bucket\n', '# the bucket\r')],
    ['the same resource twice', `${BASE.replace('Outputs:', '  Bucket:\n    Type: AWS::SQS::Queue\nOutputs:')}`],
    ['the same top-level key twice', `${BASE}Outputs:\n  Other:\n    Value: x\n`],
    ['a syntax error inside one resource', BASE.replace('Principal: { Service: lambda.amazonaws.com }', 'Principal: { Service: lambda.amazonaws.com')],
    ['a line indented less than the resources', BASE.replace('  Role:\n', ' Role:\n')],
    ['text before the first key', `  stray\n${BASE}`],
    ['a resource that is a sequence', BASE.replace('  Bucket:\n    Type: AWS::S3::Bucket', '  - Bucket')],
  ];
  for (const [what, text] of WHOLE) {
    test(`read whole: ${what}`, () => {
      const { root, piecewise } = incremental(text);
      assert.equal(piecewise, false);
      assert.deepEqual(root, tree(text));
    });
  }

  test('resources as a flow mapping, and no resources, read the same', () => {
    for (const text of [
      'AWSTemplateFormatVersion: "2010-09-09"\nResources: { Bucket: { Type: "AWS::S3::Bucket" } }\n',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  {Bucket: {Type: "AWS::S3::Bucket"}}\n',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n',
      'Resources:\n  # nothing yet\n',
    ]) {
      assert.deepEqual(incremental(text).root, tree(text), text);
    }
  });

  test('random edits (seeded): the same tree as a whole parse at every step, with a cache kept across the steps', () => {
    const random = prng(20261207);
    const inserts = [
      ' ',
      '  ',
      '\n',
      '\n  ',
      '\n    X: 1',
      ':',
      '-',
      '- ',
      '#',
      '"',
      "'",
      '{',
      '}',
      '[',
      ']',
      '!Sub ',
      '&a ',
      '*a',
      'Type: AWS::SQS::Queue',
      'a',
      'Z9',
    ];
    const cache = new PieceCache();
    let steps = 0;
    let piecewise = 0;
    for (const { name, text } of TEMPLATES) {
      for (let i = 0; i < 60; i++) {
        // One edit of the template each time (edits piled up break nearly every template), through one cache.
        const at = Math.floor(random() * text.length);
        const removed = Math.floor(random() * 3);
        const inserted = random() < 0.3 ? '' : inserts[Math.floor(random() * inserts.length)]!;
        const current = text.slice(0, at) + inserted + text.slice(at + removed);
        const result = incremental(current, cache);
        const whole = parseYamlTemplate(current);
        assert.deepEqual(result.root, whole.root, `${name}, edit ${i}: ${JSON.stringify(current)}`);
        steps++;
        if (!result.piecewise) continue;
        piecewise++;
        // Read piece by piece, a template has no syntax findings: the whole parse must agree.
        assert.deepEqual([whole.yaml?.errors, whole.yaml?.tabLines], [[], []], `${name}, edit ${i}`);
      }
    }
    // Many edits break the template; enough of the steps must still go piece by piece for the test to mean something.
    assert.ok(piecewise > steps / 3, `${piecewise} of ${steps} steps piece by piece`);
  });

  test('a service that keeps analyses across versions reports what a fresh service reports, at every version', () => {
    const random = prng(7);
    const catalog = testCatalog();
    const kept = createLanguageService({ catalog });
    const words = ['s3:GetObject', 's3:GetObjects', 'Allow', 'Deny', '!GetAtt Bucket.Arn', '!Ref Bucket', '"*"', 'lambda.amazonaws.com', 'X', '\n', ' '];
    for (const { name, text } of TEMPLATES.filter((t) => !t.name.startsWith('yaml-syntax')).slice(0, 8)) {
      let document = TextDocument.create(`file:///ws/${name}`, 'yaml', 1, text);
      kept.diagnostics(document);
      for (let i = 0; i < 12; i++) {
        const current = document.getText();
        const at = Math.floor(random() * current.length);
        const removed = Math.floor(random() * 4);
        const inserted = words[Math.floor(random() * words.length)]!;
        document = TextDocument.update(
          document,
          [{ range: { start: document.positionAt(at), end: document.positionAt(at + removed) }, text: inserted }],
          document.version + 1,
        );
        const fresh = createLanguageService({ catalog });
        assert.deepEqual(kept.diagnostics(document), fresh.diagnostics(document), `${name}, edit ${i}`);
      }
    }
  });
});
