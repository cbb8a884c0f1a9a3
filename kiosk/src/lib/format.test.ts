import { describe, expect, it } from 'vitest';
import { formatList, formatOpening, waitText, type WaitText } from './format';

const MIN = 60_000;

describe('formatOpening', () => {
  // Monday 2 March 2026, 01:00 UTC = 08:00 WIB.
  const mondayEight = Date.UTC(2026, 2, 2, 1, 0);

  it.each([
    { language: 'id' as const, expected: /^Senin, 2 Maret (pukul )?08[.:]00 WIB$/ },
    { language: 'en' as const, expected: /^Monday,? 2 March(,| at) 08:00 WIB$/ },
  ])('says the next opening in WIB in $language', ({ language, expected }) => {
    expect(formatOpening(mondayEight, language)).toMatch(expected);
  });
});

describe('formatList', () => {
  it('joins needs the way each language does', () => {
    expect(formatList(['Lanjut usia', 'Ibu hamil'], 'id')).toBe('Lanjut usia dan Ibu hamil');
    expect(formatList(['Elderly', 'Pregnant'], 'en')).toBe('Elderly and Pregnant');
  });
});

describe('waitText', () => {
  it.each<{ wait: { minMs: number; maxMs: number } | null; expected: WaitText }>([
    { wait: null, expected: { kind: 'unknown' } },
    { wait: { minMs: 0, maxMs: 5 * MIN }, expected: { kind: 'under', max: 5 } },
    { wait: { minMs: 30_000, maxMs: 90_000 }, expected: { kind: 'under', max: 2 } },
    { wait: { minMs: 0, maxMs: 0 }, expected: { kind: 'under', max: 1 } },
    { wait: { minMs: 5 * MIN, maxMs: 10 * MIN }, expected: { kind: 'range', min: 5, max: 10 } },
    { wait: { minMs: 5.5 * MIN, maxMs: 9.2 * MIN }, expected: { kind: 'range', min: 5, max: 10 } },
    { wait: { minMs: 7 * MIN, maxMs: 7 * MIN }, expected: { kind: 'about', minutes: 7 } },
  ])('turns $wait into $expected', ({ wait, expected }) => {
    expect(waitText(wait)).toEqual(expected);
  });
});
