import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from '../../server/src/service/common/decode';
import { offsetNestedBeyond } from '../../server/src/service/common/jsonSyntax';
import { wildcardMatcher } from '../../server/src/service/iam/catalog/wildcard';
import { doc, policy, prng, testService } from '../helpers';

/** Bad input gets a clear diagnostic or nothing, never an exception or a hang. */

const SAMPLE = policy(
  '    {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/${aws:username}/*"], "Condition": {"StringLike": {"s3:prefix": "home/*"}, "IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}',
  '    {"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "NotAction": "iam:*", "Resource": "*"}',
);

function exerciseEverything(text: string): void {
  const service = testService();
  const d = doc(text);
  service.diagnostics(d, { kind: 'identity' });
  service.diagnostics(doc(text));
  const probes = [0, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length];
  for (const offset of probes) {
    const position = d.positionAt(offset);
    service.hover(d, position, { kind: 'identity' });
    service.completion(d, position, { kind: 'identity' });
  }
}

describe('robustness', () => {
  test('every truncation of a policy', () => {
    for (let cut = 0; cut <= SAMPLE.length; cut++) exerciseEverything(SAMPLE.slice(0, cut));
  });

  test('random mutations (seeded)', () => {
    const random = prng(20261122);
    const alphabet = '{}[]",:*?$\\ \n\t\u0000\u00e9\ud800aA0';
    for (let i = 0; i < 1500; i++) {
      const chars = [...SAMPLE];
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * chars.length);
        const what = random();
        if (what < 0.33) chars.splice(at, 1);
        else if (what < 0.66) chars.splice(at, 0, alphabet[Math.floor(random() * alphabet.length)]!);
        else chars[at] = alphabet[Math.floor(random() * alphabet.length)]!;
      }
      exerciseEverything(chars.join(''));
    }
  });

  test('actions written with runs of wildcards do not backtrack for ever (found by the fuzzer)', () => {
    const started = performance.now();
    const stars = `"S3:getobjec${'*'.repeat(1000)}t"`;
    const spread = `"s3:Get${'*a'.repeat(300)}b"`;
    const text = policy(`    {"Effect": "Allow", "Action": [${stars}, ${spread}, "iam:PassRole"], "Resource": "*"}`);
    exerciseEverything(text);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2_000, `${Math.round(elapsed)} ms`);
  });

  test('brackets after an unterminated string count as nesting, as the JSON parser reads them (found by the fuzzer)', () => {
    // The string "ALb ends at the end of its line for the parser: what follows is 5,000 nested arrays, refused before parsing.
    const text = `{"Statement": [{"Effect": "ALb\n  "Action": "s3:ListBucket", "Condition": {"StringLike": {"s3:prefix": ${'['.repeat(5000)}}}}]}`;
    assert.notEqual(offsetNestedBeyond(text, 256), undefined);
    // A quote inside a string, escaped, still does not end it.
    assert.equal(offsetNestedBeyond('{"a": "x\\"[[[[", "b": 1}', 2), undefined);
    const nested = (depth: number): void => {
      if (depth > 0) nested(depth - 1);
      else exerciseEverything(text);
    };
    // With a deep stack already in use (as inside a request handler), still no stack overflow.
    nested(2_000);
  });

  test('wildcard actions match as IAM matches them: * any run, ? one character, any case', () => {
    const matcher = (pattern: string) => wildcardMatcher(pattern);
    assert.ok(matcher('s3:Get*').test('s3:GetObject'));
    assert.ok(matcher('S3:get*ACL').test('s3:GetObjectAcl'));
    assert.ok(matcher('s3:Get?bject').test('s3:GetObject'));
    assert.ok(matcher('s3:*Object*').test('s3:PutObjectTagging'));
    assert.ok(matcher('**').test(''));
    assert.ok(!matcher('s3:Get?').test('s3:Get'));
    assert.ok(!matcher('s3:Get*Acl').test('s3:GetObject'));
    assert.ok(!matcher(`s3:Get${'*a'.repeat(300)}b`).test(`s3:Get${'a'.repeat(200)}`));
  });

  test('binary content is reported when the file is configured as a policy, ignored otherwise', () => {
    const binary = '\u0000\u0001\u0002PNG\u0000{"Statement": []}';
    assert.equal(testService().diagnostics(doc(binary)).length, 0);
    const diagnostics = testService().diagnostics(doc(binary), { kind: 'identity' });
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /binary data/);
  });

  test('100,000 nested arrays are refused before parsing', () => {
    const deep = `{"Statement": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const diagnostics = testService().diagnostics(doc(deep));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'IAM004');
    exerciseEverything(deep);
  });

  test('a 5 MB policy is analysed and problems are capped', () => {
    const statement = '    {"Effect": "Allow", "Action": ["s3:GetObjects", "ec2:DescribeInstances"], "Resource": "arn:aws:s3:::b/*"}';
    const statements: string[] = [];
    let size = 0;
    while (size < 5 * 1024 * 1024) {
      statements.push(statement);
      size += statement.length + 2;
    }
    const diagnostics = testService().diagnostics(doc(policy(...statements)));
    assert.equal(diagnostics.length, 1001, 'the first 1,000 problems and a notice');
    assert.equal(diagnostics.at(-1)!.code, 'IAM099');
  });

  test('odd encodings decode like an editor would', () => {
    const json = '{"Statement": []}';
    assert.equal(decodeText(Buffer.from(`\ufeff${json}`, 'utf8')), json);
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])), json);
    const be = Buffer.from(json, 'utf16le').swap16();
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), json);
    assert.match(decodeText(Buffer.from([0x7b, 0xff, 0x7d])), /\ufffd/);
  });

  test('lone surrogates and escapes inside strings', () => {
    exerciseEverything(policy('    {"Effect": "Allow", "Action": "s3:Get\\ud800Object", "Resource": "arn:aws:s3:::b/\\u002a"}'));
  });
});
