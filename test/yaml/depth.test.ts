import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { yamlNestedBeyond } from '../../server/src/service/yaml/depth';

/** The pre-scan that keeps deeply nested YAML from the recursive parser (yaml/depth.ts) must never count too few levels. */

describe('YAML nesting pre-scan', () => {
  const deep = `${'{"a":'.repeat(300)}1${'}'.repeat(300)}`;

  test('flow brackets deeper than the limit are found', () => {
    assert.notEqual(yamlNestedBeyond(`key: ${deep}\n`, 200), undefined);
    assert.equal(yamlNestedBeyond(`key: ${'['.repeat(150)}${']'.repeat(150)}\n`, 200), undefined);
  });

  test('an apostrophe inside plain text is no quote: the brackets after it still count (found by the fuzzer)', () => {
    assert.notEqual(yamlNestedBeyond(`Description: it's here\nResources:\n  X: ${deep}\n`, 200), undefined);
    assert.notEqual(yamlNestedBeyond(`Name: don't ${deep}\n`, 200), undefined);
    assert.notEqual(yamlNestedBeyond(`Text: say "hi" ${deep}\nOther: 'x'\n`, 200), undefined);
  });

  test('brackets inside real quoted scalars do not count, on one line or several', () => {
    const brackets = '['.repeat(300);
    assert.equal(yamlNestedBeyond(`a: '${brackets}'\nb: "${brackets}"\n- '${brackets}'\n`, 200), undefined);
    assert.equal(yamlNestedBeyond(`a: [ '${brackets}', "${brackets}" ]\nb: { k: '${brackets}' }\n`, 200), undefined);
    assert.equal(yamlNestedBeyond(`a: '${brackets}\n  ${brackets}'\nb: 1\n`, 200), undefined);
    assert.equal(yamlNestedBeyond(`'${brackets}': 1\n`, 200), undefined);
  });
});
