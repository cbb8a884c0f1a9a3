import { describe, expect, test } from 'vitest';
import {
  isWorthAnnouncing,
  rateLink,
  steadyQuality,
  worstQuality,
  type CallQuality,
  type LinkSample,
  type SteadyQuality,
} from './call-quality.js';

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

describe('steadyQuality', () => {
  test.each<{ state: SteadyQuality; measured: CallQuality; expected: SteadyQuality }>([
    {
      state: { reported: 'good', pending: null },
      measured: 'good',
      expected: { reported: 'good', pending: null },
    },
    {
      state: { reported: 'good', pending: null },
      measured: 'fair',
      expected: { reported: 'good', pending: 'fair' },
    },
    {
      state: { reported: 'good', pending: 'fair' },
      measured: 'fair',
      expected: { reported: 'fair', pending: null },
    },
    {
      state: { reported: 'good', pending: 'fair' },
      measured: 'good',
      expected: { reported: 'good', pending: null },
    },
    {
      state: { reported: 'good', pending: 'fair' },
      measured: 'poor',
      expected: { reported: 'good', pending: 'poor' },
    },
    {
      state: { reported: 'unknown', pending: null },
      measured: 'lost',
      expected: { reported: 'unknown', pending: 'lost' },
    },
    {
      state: { reported: 'unknown', pending: 'lost' },
      measured: 'lost',
      expected: { reported: 'lost', pending: null },
    },
  ])('$state.reported (waiting: $state.pending) and $measured → $expected.reported', (row) => {
    expect(steadyQuality(row.state, row.measured)).toEqual(row.expected);
  });

  test('a link flipping at every sample keeps the level it had', () => {
    const samples: CallQuality[] = ['fair', 'good', 'fair', 'good', 'fair'];
    const state = samples.reduce(steadyQuality, { reported: 'good', pending: null });
    expect(state.reported).toBe('good');
  });
});

describe('isWorthAnnouncing', () => {
  test.each<{ previous: CallQuality; next: CallQuality; expected: boolean }>([
    { previous: 'unknown', next: 'good', expected: false },
    { previous: 'good', next: 'fair', expected: false },
    { previous: 'fair', next: 'good', expected: false },
    { previous: 'good', next: 'poor', expected: true },
    { previous: 'fair', next: 'lost', expected: true },
    { previous: 'unknown', next: 'lost', expected: true },
    { previous: 'poor', next: 'lost', expected: true },
    { previous: 'lost', next: 'poor', expected: true },
    { previous: 'poor', next: 'fair', expected: true },
    { previous: 'lost', next: 'good', expected: true },
    { previous: 'poor', next: 'unknown', expected: false },
    { previous: 'poor', next: 'poor', expected: false },
  ])('$previous → $next is announced: $expected', ({ previous, next, expected }) => {
    expect(isWorthAnnouncing(previous, next)).toBe(expected);
  });
});
