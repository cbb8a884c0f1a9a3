import { describe, expect, it } from 'vitest';
import { nextSigningScale, signingScale } from './signing-resolution.js';

describe('signingScale', () => {
  it.each([
    [2_500_000, 1],
    [1_000_000, 1],
    [700_000, 4 / 3],
    [500_000, 1.5],
    [300_000, 2],
    [150_000, 3],
    [50_000, 3],
  ])('gives a 720p camera on %i bit/s a picture scaled down by %d', (bps, scale) => {
    expect(signingScale(bps, 1280, 720)).toBe(scale);
  });

  it('leaves a smaller camera whole on a link that carries it', () => {
    expect(signingScale(500_000, 640, 360)).toBe(1);
  });
});

describe('nextSigningScale', () => {
  it('makes the picture smaller at once when the link narrows', () => {
    expect(nextSigningScale(1, 1.5, 1)).toBe(1.5);
  });

  it('makes the picture larger only once the wider link held for two looks', () => {
    expect(nextSigningScale(2, 1, 2)).toBe(2);
    expect(nextSigningScale(2, 1, 1)).toBe(1);
  });

  it('grows no further than the earlier look allowed', () => {
    expect(nextSigningScale(2, 1, 1.5)).toBe(1.5);
  });
});
