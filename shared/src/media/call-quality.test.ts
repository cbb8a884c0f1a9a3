import { describe, expect, test } from 'vitest';
import { rateLink, worstQuality, type CallQuality, type LinkSample } from './call-quality.js';

describe('rateLink', () => {
  test.each<{ sample: LinkSample; expected: string }>([
    { sample: {}, expected: 'unknown' },
    { sample: { flowing: true }, expected: 'unknown' },
    { sample: { roundTripMs: 40, loss: 0 }, expected: 'good' },
    { sample: { roundTripMs: 40 }, expected: 'good' },
    { sample: { loss: 0.01 }, expected: 'good' },
    { sample: { roundTripMs: 299, loss: 0.019 }, expected: 'good' },
    { sample: { roundTripMs: 300, loss: 0 }, expected: 'fair' },
    { sample: { roundTripMs: 40, loss: 0.02 }, expected: 'fair' },
    { sample: { roundTripMs: 599, loss: 0.079 }, expected: 'fair' },
    { sample: { roundTripMs: 600, loss: 0 }, expected: 'poor' },
    { sample: { roundTripMs: 40, loss: 0.08 }, expected: 'poor' },
    { sample: { roundTripMs: 2000, loss: 0.5 }, expected: 'poor' },
    { sample: { roundTripMs: 40, loss: 0, flowing: false }, expected: 'lost' },
  ])('$sample → $expected', ({ sample, expected }) => {
    expect(rateLink(sample)).toBe(expected);
  });
});

describe('worstQuality', () => {
  test.each<{ local: CallQuality; remote: CallQuality; expected: CallQuality }>([
    { local: 'unknown', remote: 'unknown', expected: 'unknown' },
    { local: 'unknown', remote: 'fair', expected: 'fair' },
    { local: 'good', remote: 'unknown', expected: 'good' },
    { local: 'good', remote: 'poor', expected: 'poor' },
    { local: 'lost', remote: 'fair', expected: 'lost' },
    { local: 'fair', remote: 'fair', expected: 'fair' },
  ])('$local and $remote → $expected', ({ local, remote, expected }) => {
    expect(worstQuality({ local, remote })).toBe(expected);
  });
});
