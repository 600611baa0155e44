import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RecentCache } from '../../server/src/service/common/recentCache';

describe('RecentCache', () => {
  test('keeps what was used since the last turnover, and drops the generation before', () => {
    const cache = new RecentCache<string, { n: number }>(3);
    cache.set('a', { n: 1 });
    cache.set('b', { n: 2 });
    cache.set('c', { n: 3 }); // the newer generation is full: a, b, c become the older one
    assert.deepEqual(cache.get('a'), { n: 1 }); // used again: moved into the newer generation
    cache.set('d', { n: 4 });
    cache.set('e', { n: 5 }); // full again (a, d, e): b and c are dropped
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('c'), undefined);
    assert.deepEqual(cache.get('a'), { n: 1 });
    assert.deepEqual(cache.get('e'), { n: 5 });
  });

  test('a generation of text keys is also full at maxKeyChars characters, however few the entries', () => {
    const cache = new RecentCache<string, { n: number }>(1000, { maxWeight: 10 });
    const big = (letter: string) => letter.repeat(6);
    cache.set(big('a'), { n: 1 });
    cache.set(big('b'), { n: 2 }); // 12 characters: turnover
    cache.set(big('c'), { n: 3 });
    cache.set(big('d'), { n: 4 }); // turnover again: a and b are gone
    assert.equal(cache.get(big('a')), undefined);
    assert.equal(cache.get(big('b')), undefined);
    assert.deepEqual(cache.get(big('c')), { n: 3 });
    assert.deepEqual(cache.get(big('d')), { n: 4 });
  });

  test('keys that are not text count by entries only', () => {
    const cache = new RecentCache<number, { n: number }>(1000, { maxWeight: 1 });
    for (let i = 0; i < 100; i++) cache.set(i, { n: i });
    assert.deepEqual(cache.get(0), { n: 0 });
  });

  test('a weigh function counts what an entry holds, not only its key', () => {
    // A statement with many findings weighs more than its text: three such entries fill a generation.
    const cache = new RecentCache<string, { findings: number }>(1000, { maxWeight: 3000, weigh: (key, value) => key.length + value.findings * 300 });
    cache.set('s1', { findings: 3 });
    cache.set('s2', { findings: 3 });
    cache.set('s3', { findings: 3 }); // 2,706: not yet full
    cache.set('s4', { findings: 3 }); // 3,608: turnover
    cache.set('s5', { findings: 10 }); // 3,002: turnover, s1–s4 dropped
    assert.equal(cache.get('s1'), undefined);
    assert.deepEqual(cache.get('s5'), { findings: 10 });
  });
});
