import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FuzzCase } from '../fuzz/generators';
import { checkEditSequence } from '../fuzz/properties';
import { FIXTURES } from '../golden';
import { yamlSurroundings } from '../../server/src/service/template/renderCache';

/**
 * Found by the edit-sequence fuzz property: two mutated templates, edited one after the other in
 * one service. The second's JSON-string policy is a block scalar cut short by a line indented
 * too little; its rendering reached outside the policy's own text, was kept by that text, and
 * was reused where the text around it differed: a finding landed 14 columns off. Renderings
 * that reach outside their text are no longer kept (template/renderCache.ts).
 */

const sequence = (name: string): FuzzCase[] => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'template', 'sequences', name), 'utf8'));

describe('rendered policies kept between versions', () => {
  test('a rendering that depends on text outside the policy is not reused', () => {
    // In this order, in one process's service: the first leaves the rendering the second would reuse.
    for (const fuzz of sequence('render-cache-outside-slice.json')) checkEditSequence(fuzz);
  });

  test('a block scalar at the end of the template is not reused where the lines after it differ', () => {
    // The same `!Sub |` text, first at the end of the file, then followed by a line break and
    // spaces: the value (its last line break) differs, and so does the rendering's mapping.
    // Reused, a finding on the statement's "{" was put on the "|" four lines above.
    for (const fuzz of sequence('render-cache-trailing-lines.json')) checkEditSequence(fuzz);
  });
});

describe('yamlSurroundings', () => {
  const block = 'Content: |\n  {"Version": "2012-10-17"}';
  test('a block scalar at the end of the file reads differently from one followed by a line break', () => {
    const start = block.indexOf('|');
    const atEnd = yamlSurroundings(block, start, block.length);
    const followed = yamlSurroundings(`${block}\n  `, start, block.length);
    assert.equal(atEnd, 'Content: \u0000');
    assert.equal(followed, 'Content: \u0000\n  ');
  });
  test('the next text after the blank lines is part of it; too much blank text is not compared', () => {
    const text = `${block}\n\n  Next: 1`;
    assert.equal(yamlSurroundings(text, block.indexOf('|'), block.length), 'Content: \u0000\n\n  N');
    assert.equal(yamlSurroundings(`${block}${' '.repeat(300)}x`, block.indexOf('|'), block.length), undefined);
    assert.equal(yamlSurroundings(`${'k'.repeat(300)}: |\n  {}`, 302, 307), undefined);
  });
});
