import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import { buildValidTree, parseJsonTree } from '../../server/src/service/common/fastJson';
import { offsetNestedBeyond } from '../../server/src/service/common/jsonSyntax';
import { appspecJsonText, mutated, policyText, SAMPLES } from '../fuzz/generators';

/**
 * The fast tree builder (common/fastJson.ts) must give jsonc-parser's tree node for node on
 * every text it accepts, and must refuse every text on which jsonc-parser reports an error.
 */

const OPTIONS = { allowTrailingComma: false, disallowComments: true };

function jsoncTree(text: string): { tree: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  return { tree: parseTree(text, errors, OPTIONS), errors };
}

function assertSameTree(actual: Node, expected: Node, text: string): void {
  const stack: [Node, Node][] = [[actual, expected]];
  assert.equal(actual.parent, undefined);
  while (stack.length > 0) {
    const [a, e] = stack.pop()!;
    const where = `${JSON.stringify(text.slice(0, 80))} at ${e.offset}`;
    assert.equal(a.type, e.type, where);
    assert.equal(a.offset, e.offset, where);
    assert.equal(a.length, e.length, where);
    assert.equal(a.colonOffset, e.colonOffset, where);
    assert.ok(Object.is(a.value, e.value), `${where}: value ${String(a.value)} vs ${String(e.value)}`);
    assert.equal(a.children?.length, e.children?.length, where);
    a.children?.forEach((child, i) => {
      assert.equal(child.parent, a, `${where}: parent`);
      stack.push([child, e.children![i]!]);
    });
  }
}

/** The property: accepted means jsonc-parser agrees and has no error; refused means jsonc-parser has one (or the text is not plain JSON). */
function check(text: string): 'built' | 'refused' | 'too deep' {
  const fast = buildValidTree(text);
  // Refusing valid JSON is allowed (jsonc-parser then parses it) but must stay rare: see the counts.
  if (!fast) return 'refused';
  // jsonc-parser recurses once per level: the analyses never hand it such text (offsetNestedBeyond).
  if (offsetNestedBeyond(text, 256) !== undefined) return 'too deep';
  const { tree, errors } = jsoncTree(text);
  assert.equal(errors.length, 0, `built a tree where jsonc-parser reports ${JSON.stringify(errors)}: ${JSON.stringify(text.slice(0, 200))}`);
  assert.ok(tree);
  assertSameTree(fast, tree, text);
  return 'built';
}

const TRICKY = [
  '{}',
  '[]',
  ' \t\r\n{ "a" : [ 1 , -0 , 0.5 , 1e5 , -1.25E-3 , true , false , null ] } \n',
  '{"a": {"b": {"c": []}}, "d": [[], [{}]]}',
  '"just a string"',
  '42',
  'null',
  '{"esc": "quote \\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00"}',
  '{"unicode": "é 😀 \u2028 \u2029 \u00a0"}',
  '{"a": 1, "a": 2}',
  '{"": ""}',
  '[1e400, -1e400, 123456789012345678901234567890]',
];

const REFUSED = [
  '',
  '   ',
  '{',
  '{"a": 1,}',
  '[1,]',
  '[,1]',
  '{"a" 1}',
  '{"a": }',
  '{a: 1}',
  "{'a': 1}",
  '[01]',
  '[1.]',
  '[.5]',
  '[1e]',
  '[-]',
  '[+1]',
  '[truex]',
  '[nul]',
  '[1 2]',
  '["a" "b"]',
  '{} {}',
  '{} x',
  '// comment\n{}',
  '{"a": 1 /* c */}',
  '\ufeff{}',
  '{"a": "line\nbreak"}',
  '{"a": "tab\there"}',
  '{"a": "bad \\x escape"}',
  '{"a": "bad \\u12 escape"}',
  '{"a": "unterminated}',
  '[1]]',
  '{"a": 1}}',
  '\u00a0{}',
  '[NaN]',
];

describe('fast JSON tree', () => {
  test('hand-picked valid texts: the same tree as jsonc-parser', () => {
    for (const text of TRICKY) assert.equal(check(text), 'built', text);
  });

  test('hand-picked invalid texts: refused, so jsonc-parser reports them', () => {
    for (const text of REFUSED) {
      assert.equal(check(text), 'refused', JSON.stringify(text));
      const errors: ParseError[] = [];
      parseJsonTree(text, errors, OPTIONS);
      const expected: ParseError[] = [];
      parseTree(text, expected, OPTIONS);
      assert.deepEqual(errors, expected, JSON.stringify(text));
    }
  });

  test('generated policies and AppSpecs, and every fixture, as written and mutated (seeded): never a different tree', () => {
    let built = 0;
    let total = 0;
    const samples = [...SAMPLES.policy, ...SAMPLES['appspec-json'], ...SAMPLES['template-json']];
    const documents = fc.oneof(policyText, appspecJsonText, fc.constantFrom(...samples), fc.constantFrom(...samples).chain(mutated));
    fc.assert(
      fc.property(documents, (text) => {
        total++;
        const outcome = check(text);
        if (outcome === 'built') built++;
        // A refusal is right only where jsonc-parser finds an error.
        else if (outcome === 'refused' && offsetNestedBeyond(text, 256) === undefined)
          assert.ok(jsoncTree(text).errors.length > 0, `refused valid JSON: ${JSON.stringify(text.slice(0, 200))}`);
      }),
      { seed: 20261207, numRuns: 1_500 },
    );
    // Not vacuous: the valid ones (most of those not mutated) took the fast path.
    assert.ok(built >= total * 0.3, `${built} of ${total} built`);
  });

  test('every prefix of a policy: a tree only for the complete text', () => {
    const text = SAMPLES.policy[0]!;
    for (let end = 0; end < text.length; end++) {
      if (text.slice(end).trim() !== '') assert.equal(buildValidTree(text.slice(0, end)), undefined, `prefix of ${end}`);
    }
    assert.equal(check(text), 'built');
  });

  test('nesting far beyond the recursive parser’s reach neither throws nor recurses', () => {
    const depth = 100_000;
    const tree = buildValidTree(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    assert.equal(tree?.type, 'array');
    assert.equal(tree?.length, depth * 2);
  });
});

describe('fast JSON tree: depth limit', () => {
  test('a tree only within maxDepth objects and arrays, counted as the depth pre-scan counts them', () => {
    for (const depth of [1, 5, 255, 256, 257, 300]) {
      const text = `${'['.repeat(depth)}"[{"${']'.repeat(depth)}`;
      const tree = buildValidTree(text, 256);
      assert.equal(tree !== undefined, offsetNestedBeyond(text, 256) === undefined, `depth ${depth}`);
    }
    assert.ok(buildValidTree(`${'{"a":'.repeat(300)}1${'}'.repeat(300)}`));
  });
});
