import { SKM_ELEMENTS, type SkmElement } from '@loket/shared';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeIkm, ikmBand, type ElementAnswers } from './ikm.js';

/** Every element answered `count` times with the same average. */
const all = (average: number, count = 10): ElementAnswers[] =>
  SKM_ELEMENTS.map((element) => ({ element, total: average * count, count }));

describe('the SKM index (PermenPAN-RB 14/2017)', () => {
  test.each([
    { name: 'all answers 4', answers: all(4), index: 100, band: 'A' },
    { name: 'all answers 1', answers: all(1), index: 25, band: 'D' },
    { name: 'all answers 3', answers: all(3), index: 75, band: 'C' },
    { name: 'the lowest A, 3.5324', answers: all(3.5324), index: 88.31, band: 'A' },
    { name: 'just below A, 3.532', answers: all(3.532), index: 88.3, band: 'B' },
    { name: 'the lowest B, 3.0644', answers: all(3.0644), index: 76.61, band: 'B' },
    { name: 'just below B, 3.064', answers: all(3.064), index: 76.6, band: 'C' },
    { name: 'the lowest C, 2.60', answers: all(2.6), index: 65, band: 'C' },
    { name: 'just below C, 2.5996', answers: all(2.5996), index: 64.99, band: 'D' },
  ])('$name: index $index, band $band', ({ answers, index, band }) => {
    expect(computeIkm(answers)).toMatchObject({ index, band });
  });

  test('each element is averaged over its own answers, then weighted equally', () => {
    const answers: ElementAnswers[] = [
      // Two visitors: 4 and 2 → 3.
      { element: 'time', total: 6, count: 2 },
      // One visitor: 4.
      { element: 'competence', total: 4, count: 1 },
      // Asked of nobody (short form): left out of the weighting.
      { element: 'cost', total: 0, count: 0 },
    ];
    const ikm = computeIkm(answers);
    expect(ikm?.averages).toEqual({ time: 3, competence: 4 });
    // (3 + 4) / 2 = 3.5 → 87.5, band B.
    expect(ikm).toMatchObject({ value: 3.5, index: 87.5, band: 'B' });
  });

  test('no answers give no index', () => {
    expect(computeIkm([])).toBeNull();
    expect(computeIkm([{ element: 'time', total: 0, count: 0 }])).toBeNull();
  });

  test('the index always lies on 25–100, and a higher index never has a worse band', () => {
    const element = fc.constantFrom<SkmElement>(...SKM_ELEMENTS);
    const answer = fc
      .tuple(element, fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 20 }))
      .map(([e, scores]) => ({
        element: e,
        total: scores.reduce((a, b) => a + b, 0),
        count: scores.length,
      }));
    fc.assert(
      fc.property(
        fc.uniqueArray(answer, { selector: (a) => a.element, minLength: 1 }),
        (answers) => {
          const ikm = computeIkm(answers)!;
          expect(ikm.index).toBeGreaterThanOrEqual(25);
          expect(ikm.index).toBeLessThanOrEqual(100);
          // Bands are letters, best first: 'A' < 'B' alphabetically.
          expect(ikm.band >= ikmBand(Math.min(100, ikm.index + 0.01))).toBe(true);
          expect(ikm.band <= ikmBand(Math.max(25, ikm.index - 0.01))).toBe(true);
        },
      ),
    );
  });
});
