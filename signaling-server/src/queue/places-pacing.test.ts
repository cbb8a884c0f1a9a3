import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PLACES_EVERY_MS, PLACES_TOLD_PER_S, placesSpacingMs } from './places-pacing.js';

describe('the spacing of tellings of places', () => {
  test('a short line is told as often as tellings may run', () => {
    expect(placesSpacingMs(0)).toBe(PLACES_EVERY_MS);
    expect(placesSpacingMs(50)).toBe(PLACES_EVERY_MS);
  });

  test('a line of 300 moved kiosks is told every 1.5 s', () => {
    expect(placesSpacingMs(300)).toBe(1500);
  });

  test('however many kiosks a telling told, the next keeps the office within its kiosks a second', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), (told) => {
        const spacing = placesSpacingMs(told);
        expect(spacing).toBeGreaterThanOrEqual(PLACES_EVERY_MS);
        expect(told / (spacing / 1000)).toBeLessThanOrEqual(PLACES_TOLD_PER_S + 1e-9);
      }),
    );
  });
});
