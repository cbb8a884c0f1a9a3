import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SlidingWindow } from './sliding-window.js';

describe('a sliding window', () => {
  test('allows the limit within the window and refuses the next until the oldest ages out', () => {
    const window = new SlidingWindow(3, 60_000);
    for (const at of [0, 10_000, 20_000]) {
      expect(window.check('a', at)).toEqual({ allowed: true });
      window.record('a', at);
    }
    expect(window.check('a', 30_000)).toEqual({ allowed: false, retryAt: 60_000 });
    expect(window.check('a', 60_001)).toEqual({ allowed: true });
  });

  test('counts each key on its own and forgets a cleared key', () => {
    const window = new SlidingWindow(1, 1000);
    window.record('a', 0);
    expect(window.check('b', 0).allowed).toBe(true);
    expect(window.check('a', 0).allowed).toBe(false);
    window.clear('a');
    expect(window.check('a', 0).allowed).toBe(true);
  });

  test('gains nothing from attempts timed around a minute boundary', () => {
    const window = new SlidingWindow(10, 60_000);
    let allowed = 0;
    // Ten at the end of one minute and ten at the start of the next: a fixed window lets all 20.
    for (const at of [...Array(10).keys()]
      .map((i) => 59_000 + i * 10)
      .concat([...Array(10).keys()].map((i) => 60_000 + i * 10))) {
      if (window.check('a', at).allowed) {
        window.record('a', at);
        allowed += 1;
      }
    }
    expect(allowed).toBe(10);
  });

  test('never lets more than the limit through in any window, whatever the timing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 200 }), (gaps) => {
        const window = new SlidingWindow(5, 1000);
        const letThrough: number[] = [];
        let now = 0;
        for (const gap of gaps) {
          now += gap % 400;
          if (window.check('k', now).allowed) {
            window.record('k', now);
            letThrough.push(now);
          }
        }
        return letThrough.every(
          (at) => letThrough.filter((t) => t > at - 1000 && t <= at).length <= 5,
        );
      }),
    );
  });

  test('counts exactly the events inside the window at every moment, however long its log', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 2000 }), (gaps) => {
        const limit = 50;
        const window = new SlidingWindow(limit, 1000);
        const recorded: number[] = [];
        let now = 0;
        for (const gap of gaps) {
          now += gap;
          const inside = recorded.filter((t) => t > now - 1000);
          const expected =
            inside.length < limit
              ? { allowed: true }
              : { allowed: false, retryAt: inside[inside.length - limit]! + 1000 };
          expect(window.check('k', now)).toEqual(expected);
          window.record('k', now);
          recorded.push(now);
        }
      }),
      { numRuns: 50 },
    );
  });

  test('forgets keys whose events have aged out', () => {
    const window = new SlidingWindow(2, 1000);
    window.record('a', 0);
    window.record('b', 500);
    window.prune(1200);
    expect(window.size).toBe(1);
  });
});
