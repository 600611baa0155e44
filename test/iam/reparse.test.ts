import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Node } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePolicy } from '../../server/src/service/iam/analyze';
import { type PolicyModel, parsePolicy } from '../../server/src/service/iam/model';
import { changedSpan, reparsePolicy } from '../../server/src/service/iam/reparse';
import { StatementCache } from '../../server/src/service/iam/statementCache';
import { FIXTURES } from '../golden';
import { prng, testCatalog } from '../helpers';

/**
 * An edit inside one statement re-parses that statement only (iam/reparse.ts). The tree it
 * leaves must be the tree a whole parse of the new text gives, node for node: same types,
 * offsets, lengths, colons, values, children and parents.
 */

const FIXTURE_POLICIES = ['valid', 'invalid'].flatMap((dir) =>
  fs
    .readdirSync(path.join(FIXTURES, 'iam', dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => fs.readFileSync(path.join(FIXTURES, 'iam', dir, name), 'utf8')),
);

function generatedPolicy(count: number): string {
  const statements = Array.from({ length: count }, (_, i) => ({
    ...(i % 3 === 0 ? {} : { Sid: `S${i}` }),
    Effect: i % 4 === 0 ? 'Deny' : 'Allow',
    Action: i % 2 === 0 ? ['s3:GetObject', 'sqs:SendMessage'] : 'iam:PassRole',
    Resource: i % 5 === 0 ? '*' : ['arn:aws:s3:::bucket/*'],
    ...(i % 6 === 0 ? { Condition: { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'red'] } } } : {}),
  }));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** What typing inside a statement sends: letters, quotes, commas, brackets, whole properties, line breaks, deletions. */
const INSERTS = [
  'z',
  'Q',
  '*',
  ':',
  '"',
  ',',
  ' ',
  '\n',
  '\r\n',
  '{',
  '}',
  '[',
  ']',
  '"x"',
  '"Sid": "New", ',
  '"a": {"b": [1, 2]}, ',
  '\\',
  '\\"',
  'é',
  '😀',
  '',
];

function sameTree(actual: Node | undefined, expected: Node | undefined, where: string): void {
  if (!actual || !expected) {
    assert.equal(actual, expected, where);
    return;
  }
  const stack: [Node, Node, Node | undefined][] = [[actual, expected, actual.parent]];
  while (stack.length > 0) {
    const [a, e, parent] = stack.pop()!;
    const at = `${where} at ${e.offset}`;
    assert.equal(a.type, e.type, at);
    assert.equal(a.offset, e.offset, at);
    assert.equal(a.length, e.length, at);
    assert.equal(a.colonOffset, e.colonOffset, at);
    assert.equal(a.value, e.value, at);
    assert.equal(a.parent, parent, `${at}: parent`);
    assert.equal(a.children?.length, e.children?.length, `${at}: children`);
    (a.children ?? []).forEach((child, i) => {
      stack.push([child, e.children![i]!, a]);
    });
  }
}

function sameModel(actual: PolicyModel, expected: PolicyModel, where: string): void {
  assert.equal(actual.text, expected.text);
  assert.deepEqual(actual.syntaxErrors, expected.syntaxErrors, where);
  assert.equal(actual.tooDeep, expected.tooDeep, where);
  assert.equal(actual.wrapper, expected.wrapper, where);
  let top = actual.root;
  while (top?.parent) top = top.parent;
  let expectedTop = expected.root;
  while (expectedTop?.parent) expectedTop = expectedTop.parent;
  sameTree(top, expectedTop, where);
  assert.equal(actual.statements.length, expected.statements.length, where);
  const strings = (model: PolicyModel) =>
    model.statements.map((s) => ({
      index: s.index,
      offset: s.node.offset,
      keys: [...s.properties.keys()],
      values: [s.sid, s.effect, ...(s.action?.strings ?? []), ...(s.notAction?.strings ?? []), ...(s.resource?.strings ?? [])].map((j) =>
        j ? [j.value, j.contentOffset, j.contentLength, j.verbatim] : undefined,
      ),
    }));
  assert.deepEqual(strings(actual), strings(expected), where);
  assert.deepEqual(
    actual.version && [actual.version.value, actual.version.contentOffset],
    expected.version && [expected.version.value, expected.version.contentOffset],
    where,
  );
}

describe('re-parsing one statement', () => {
  test('random edits (seeded): the re-parsed tree is the whole parse, node for node', () => {
    const random = prng(1207);
    let reparsed = 0;
    let edits = 0;
    for (const source of [...FIXTURE_POLICIES, generatedPolicy(40), generatedPolicy(3)]) {
      let model = parsePolicy(source);
      for (let i = 0; i < 120; i++) {
        const text = model.text;
        // Mostly inside a statement, sometimes anywhere.
        const statement = model.statements[Math.floor(random() * model.statements.length)];
        const at =
          statement && random() < 0.85 ? statement.node.offset + Math.floor(random() * (statement.node.length + 1)) : Math.floor(random() * (text.length + 1));
        const removed = random() < 0.3 ? Math.floor(random() * 8) : 0;
        const inserted = INSERTS[Math.floor(random() * INSERTS.length)]!;
        const next = text.slice(0, at) + inserted + text.slice(at + removed);
        const fresh = parsePolicy(next);
        const derived = reparsePolicy(model, next);
        edits++;
        if (derived) {
          reparsed++;
          sameModel(derived, fresh, `edit ${i} of ${JSON.stringify(next.slice(0, 60))}…: ${JSON.stringify(inserted)} at ${at}`);
          model = derived;
        } else if (fresh.syntaxErrors.length === 0) model = fresh;
        // Otherwise the edit is undone, as a person fixes a typo: a refused model was not touched.
      }
    }
    // Not vacuous: most edits keep the policy valid and inside one statement.
    assert.ok(edits >= 2000, `${edits} edits`);
    assert.ok(reparsed >= edits * 0.25, `${reparsed} of ${edits} edits re-parsed one statement`);
  });

  test('what it refuses: errors before or after, edits across statements or outside them, nesting too deep', () => {
    const text = generatedPolicy(4);
    const model = () => parsePolicy(text);
    const statement = model().statements[1]!.node;
    // Across two statements.
    const across = `${text.slice(0, statement.offset + 2)}${text.slice(statement.offset + statement.length + 4)}`;
    assert.equal(reparsePolicy(model(), across), undefined);
    // In Version, outside every statement.
    assert.equal(reparsePolicy(model(), text.replace('2012-10-17', '2008-10-17')), undefined);
    // A statement that no longer parses alone.
    const broken = `${text.slice(0, statement.offset + 1)}"Sid": ${text.slice(statement.offset + 1)}`;
    assert.equal(reparsePolicy(model(), broken), undefined);
    // After a version with errors, the next one is parsed whole.
    const withErrors = parsePolicy(broken);
    assert.ok(withErrors.syntaxErrors.length > 0);
    assert.equal(reparsePolicy(withErrors, text), undefined);
    // Deep nesting inside a statement counts the levels around it.
    const depth = 256 - 2;
    const deep = `${text.slice(0, statement.offset + 1)}"Condition": ${'['.repeat(depth)}${']'.repeat(depth)}, ${text.slice(statement.offset + 1)}`;
    assert.equal(parsePolicy(deep).tooDeep, true);
    assert.equal(reparsePolicy(model(), deep), undefined);
    const shallower = deep.replace('[[', '').replace(']]', '');
    assert.equal(parsePolicy(shallower).tooDeep, false);
    const derived = reparsePolicy(model(), shallower);
    assert.ok(derived);
    sameModel(derived, parsePolicy(shallower), 'nesting just under the limit');
    // The same text: the same model.
    const same = model();
    assert.equal(reparsePolicy(same, text), same);
  });

  test('a policy wrapped as the AWS CLI prints it, and a lone Statement object', () => {
    const wrapped = JSON.stringify({ PolicyVersion: { Document: JSON.parse(generatedPolicy(5)), VersionId: 'v1' } }, null, 2);
    const lone = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } }, null, 2);
    for (const text of [wrapped, lone]) {
      const model = parsePolicy(text);
      const at = text.indexOf('s3:GetObject') + 4;
      const next = `${text.slice(0, at)}X${text.slice(at)}`;
      const derived = reparsePolicy(model, next);
      assert.ok(derived, text.slice(0, 30));
      sameModel(derived, parsePolicy(next), text.slice(0, 30));
    }
  });

  test('the changed span of two texts', () => {
    assert.deepEqual(changedSpan('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedSpan('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedSpan('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.deepEqual(changedSpan('', 'x'), { start: 0, oldEnd: 0, newEnd: 1 });
    const long = 'x'.repeat(100_000);
    assert.deepEqual(changedSpan(`${long}a${long}`, `${long}bc${long}`), { start: 100_000, oldEnd: 100_001, newEnd: 100_002 });
  });

  test('an analysis handed the previous model reports what a fresh one does, and shares the tree', () => {
    const catalog = testCatalog();
    const random = prng(77);
    const cache = new StatementCache();
    let document = TextDocument.create('file:///large.json', 'json', 1, generatedPolicy(200));
    let analysis = analyzePolicy(document, catalog, { statements: cache })!;
    let shared = 0;
    for (let i = 0; i < 120; i++) {
      const text = document.getText();
      const statement = analysis.model.statements[Math.floor(random() * analysis.model.statements.length)]!;
      // Mostly typing inside a string of the statement (the document stays valid), sometimes anything anywhere in it.
      const strings = [statement.sid, statement.effect, ...(statement.action?.strings ?? []), ...(statement.resource?.strings ?? [])].filter((s) => !!s);
      const target = strings[Math.floor(random() * strings.length)];
      const typing = target && random() < 0.8;
      const at = typing
        ? target.contentOffset + Math.floor(random() * (target.contentLength + 1))
        : statement.node.offset + 1 + Math.floor(random() * (statement.node.length - 1));
      const inserted = typing ? 'xY*:'[Math.floor(random() * 4)]! : INSERTS[Math.floor(random() * INSERTS.length)]!;
      const previousRoot = analysis.model.root;
      document = TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: inserted }], i + 2);
      analysis = analyzePolicy(document, catalog, { statements: cache, previousModel: analysis.model })!;
      if (analysis.model.root === previousRoot) shared++;
      const fresh = analyzePolicy(TextDocument.create('file:///large.json', 'json', i + 2, document.getText()), catalog)!;
      assert.deepEqual(analysis.findings, fresh.findings, `edit ${i}: ${JSON.stringify(inserted)} at ${at} of ${text.length}`);
      if (analysis.model.syntaxErrors.length > 0) {
        // Undone, as a person fixes a typo; the version after a broken one is parsed whole.
        document = TextDocument.create('file:///large.json', 'json', i + 2, text);
        analysis = analyzePolicy(document, catalog, { statements: cache })!;
      }
    }
    assert.ok(shared >= 30, `${shared} of 120 analyses re-parsed one statement`);
  });
});
