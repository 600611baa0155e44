// The long fuzzing campaign: `npm run fuzz -- --minutes N [--seed S] [--long BYTES]`.
// Runs the properties of test/fuzz/ with random seeds until the time is up, round-robin over
// properties and document kinds, and writes every failing input (shrunk) to test/fuzz/found/,
// where `npm test` replays it from then on. Exits 1 when something was found.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { ALL_KINDS, documentOf, type FuzzCase } from '../test/fuzz/generators';
import { PROPERTIES, saveFound } from '../test/fuzz/properties';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '1' }, seed: { type: 'string' }, long: { type: 'string' }, runs: { type: 'string', default: '200' } },
});
const minutes = Number(values.minutes);
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error('--minutes must be a positive number');
  process.exit(2);
}
// The generic "long string" mutation reads this: the 10 MB strings belong here, not in `npm test`.
if (values.long) process.env.FUZZ_LONG = values.long;

const deadline = Date.now() + minutes * 60_000;
let seed = values.seed !== undefined ? Number(values.seed) : (Math.random() * 2 ** 31) | 0;
const runsPerBatch = Number(values.runs);
let batches = 0;
let cases = 0;
const found: string[] = [];
console.log(`fuzzing for ${minutes} min from seed ${seed}`);

outer: while (Date.now() < deadline) {
  for (const [property, check] of Object.entries(PROPERTIES)) {
    for (const kind of ALL_KINDS) {
      if (Date.now() >= deadline) break outer;
      const result = fc.check(
        fc.property(documentOf(kind), (fuzz: FuzzCase) => {
          check(fuzz);
        }),
        { seed, numRuns: runsPerBatch, interruptAfterTimeLimit: Math.max(1_000, deadline - Date.now()), includeErrorInReport: true },
      );
      cases += result.numRuns;
      batches++;
      if (result.failed && result.counterexample) {
        const [fuzz] = result.counterexample as [FuzzCase];
        const file = saveFound(fuzz, property, result.errorInstance ?? 'failed', seed);
        found.push(file);
        console.log(`FOUND ${property} · ${kind} (seed ${seed}): ${String(result.errorInstance).split('\n')[0]}\n  → ${file}`);
      }
      seed = (seed + 1) | 0;
    }
  }
  process.stdout.write(`  ${cases} cases in ${batches} batches, ${found.length} found\n`);
}
console.log(`done: ${cases} cases, ${found.length} failing input(s) written to test/fuzz/found/`);
process.exit(found.length > 0 ? 1 : 0);
