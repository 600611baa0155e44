import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/languageService';
import { FIXTURES } from '../golden';
import { prng, testCatalog } from '../helpers';

/** Broken templates get diagnostics or nothing: never an exception, and never a rule that fails and is only logged. */

const logged: string[] = [];
const service = createLanguageService({ catalog: testCatalog(), log: (message) => logged.push(message) });
let version = 0;

function exercise(text: string, file: string): void {
  const document = TextDocument.create(`file:///ws/${file}`, file.endsWith('.json') ? 'json' : 'yaml', ++version, text);
  service.diagnostics(document);
  service.status(document);
  for (const offset of [0, Math.floor(text.length / 3), Math.floor(text.length / 2), Math.floor((text.length * 4) / 5), text.length]) {
    const position = document.positionAt(offset);
    service.hover(document, position);
    service.completion(document, position);
  }
}

const SAMPLES = [
  'valid/sam-every-intrinsic.yaml',
  'valid/cdk-synth.template.json',
  'invalid/cfn-codebuild-inline-buildspec.yaml',
  'invalid/cfn-json-string-policies.yaml',
].map((name) => ({
  file: path.basename(name),
  text: fs.readFileSync(path.join(FIXTURES, 'template', name), 'utf8'),
}));

describe('template robustness', () => {
  test('nested aliases ("billion laughs") are read only so far, quickly (found by the fuzzer)', () => {
    const laughs = ['a: &a ["l","l","l","l","l","l","l","l","l"]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ])
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const text = `${laughs.join('\n')}\nAWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n`;
    const started = performance.now();
    exercise(text, 'template.yaml');
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2_000, `${Math.round(elapsed)} ms`);
    assert.deepEqual(logged, []);
  });

  test('truncations of templates', () => {
    for (const { file, text } of SAMPLES) {
      const step = Math.max(1, Math.floor(text.length / 150));
      for (let cut = 0; cut <= text.length; cut += step) exercise(text.slice(0, cut), file);
    }
    assert.deepEqual(logged, []);
  });

  test('random edits (seeded)', () => {
    const random = prng(14);
    const pieces = ['!Sub', '!GetAtt', ' ', '\n', '\t', '"', "'", '{', '}', '[', ']', ':', '-', '${', '|', '!Ref X', 'Statement:', '&a', '*a', 'Fn::GetAtt'];
    for (const { file, text } of SAMPLES) {
      let current = text;
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(random() * current.length);
        const cut = Math.floor(random() * 6);
        const insert = pieces[Math.floor(random() * pieces.length)]!;
        current = current.slice(0, at) + insert + current.slice(at + cut);
        exercise(current, file);
      }
    }
    assert.deepEqual(logged, []);
  });
});
