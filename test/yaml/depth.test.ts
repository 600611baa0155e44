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

describe('YAML nesting pre-scan: quoted scalars over several lines', () => {
  const brackets = '['.repeat(300);

  test('a line indented no deeper than the quote’s content ends the scalar, and its brackets count (found by the fuzzer)', () => {
    // The yaml package reads such a line as new content: 300 nested flow sequences.
    assert.notEqual(yamlNestedBeyond(`phases:\n  install:\n    commands:\n      - "x[\n${brackets} y"\n`, 200), undefined);
    assert.notEqual(yamlNestedBeyond(`a:\n    key: 'x\n    ${brackets}'\n`, 200), undefined);
    // Tabs are not indentation.
    assert.notEqual(yamlNestedBeyond(`a:\n  key: "x\n\t\t\t\t\t\t${brackets}"\n`, 200), undefined);
  });

  test('continuation lines indented deeper stay inside the scalar', () => {
    assert.equal(yamlNestedBeyond(`a:\n    key: "x\n     ${brackets}\n\n     y"\nb: 1\n`, 200), undefined);
    assert.equal(yamlNestedBeyond(`key: 'it''s\n ${brackets}'\n`, 200), undefined);
  });

  test('what follows the closing quote on its line still counts', () => {
    assert.notEqual(yamlNestedBeyond(`a: "x\n  y" ${brackets}\n`, 200), undefined);
    assert.equal(yamlNestedBeyond(`a: "x\n  y" # ${brackets}\n`, 200), undefined);
  });
});
