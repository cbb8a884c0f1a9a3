import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('a token bucket', () => {
  test('lets a burst up to its capacity through, then refills at its rate', () => {
    const bucket = new TokenBucket(3, 2, 0);
    expect([1, 2, 3, 4].map(() => bucket.take(1, 0))).toEqual([true, true, true, false]);
    expect(bucket.take(1, 499)).toBe(false);
    expect(bucket.take(1, 500)).toBe(true);
  });

  test('never holds more than its capacity, however long it rested', () => {
    const bucket = new TokenBucket(2, 100, 0);
    expect(bucket.take(3, 60_000)).toBe(false);
    expect(bucket.take(2, 60_000)).toBe(true);
  });

  test('a refused take costs nothing', () => {
    const bucket = new TokenBucket(5, 1, 0);
    expect(bucket.take(6, 0)).toBe(false);
    expect(bucket.take(5, 0)).toBe(true);
  });

  test('over any run, no more passes than the capacity plus the refill over its length', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.nat(500), cost: fc.integer({ min: 1, max: 4 }) })),
        (takes) => {
          const bucket = new TokenBucket(10, 5, 0);
          let now = 0;
          let passed = 0;
          for (const { gap, cost } of takes) {
            now += gap;
            if (bucket.take(cost, now)) passed += cost;
          }
          return passed <= 10 + (now / 1000) * 5 + 1e-9;
        },
      ),
    );
  });
});
