import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { FuzzCase } from '../fuzz/generators';
import { checkEditSequence } from '../fuzz/properties';
import { FIXTURES } from '../golden';

/**
 * Found by the edit-sequence fuzz property: two mutated templates, edited one after the other in
 * one service. The second's JSON-string policy is a block scalar cut short by a line indented
 * too little; its rendering reached outside the policy's own text, was kept by that text, and
 * was reused where the text around it differed: a finding landed 14 columns off. Renderings
 * that reach outside their text are no longer kept (template/renderCache.ts).
 */

const SEQUENCE: FuzzCase[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'template', 'sequences', 'render-cache-outside-slice.json'), 'utf8'));

describe('rendered policies kept between versions', () => {
  test('a rendering that depends on text outside the policy is not reused', () => {
    // In this order, in one process's service: the first leaves the rendering the second would reuse.
    for (const fuzz of SEQUENCE) checkEditSequence(fuzz);
  });
});
