import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ALL_KINDS, documentOf } from './generators';
import { loadFound, PROPERTIES } from './properties';

/**
 * Property-based fuzzing of the language service: a bounded, seeded set that `npm test` runs
 * (the same inputs every run), plus every input a longer campaign (`npm run fuzz`) ever found.
 */

const SEED = 20261207;
/** Runs per kind and property: a few thousand cases in all, well under a minute. */
const RUNS: Record<string, number> = { analysis: 400, quickfix: 80, hover: 40, edits: 25 };

describe('fuzz: language service', () => {
  for (const [property, check] of Object.entries(PROPERTIES)) {
    for (const kind of ALL_KINDS) {
      test(`${property} · ${kind}`, () => {
        fc.assert(
          fc.property(documentOf(kind), (fuzz) => {
            check(fuzz);
          }),
          { seed: SEED, numRuns: RUNS[property], includeErrorInReport: true },
        );
      });
    }
  }

  test('regression cases in test/fuzz/found/', () => {
    for (const found of loadFound()) PROPERTIES[found.property]?.({ kind: found.kind, text: found.text });
  });
});
