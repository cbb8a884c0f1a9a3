import { describe, expect, test } from 'vitest';
import { closuresText, parseClosures, parsePeriods, periodsText } from './hours-text';

describe('the hours form’s text', () => {
  test.each([
    {
      text: '08:00-12:00, 13:00-16:00',
      expected: [
        { open: '08:00', close: '12:00' },
        { open: '13:00', close: '16:00' },
      ],
    },
    { text: ' 08:00 – 16:00 ', expected: [{ open: '08:00', close: '16:00' }] },
    { text: '', expected: [] },
    { text: '8 am', expected: [{ open: '8 am', close: '' }] },
  ])('"$text" reads as $expected', ({ text, expected }) => {
    expect(parsePeriods(text)).toEqual(expected);
  });

  test('periods and closures read back as they are written', () => {
    const periods = [
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '16:00' },
    ];
    expect(parsePeriods(periodsText(periods))).toEqual(periods);
    const closures = [{ date: '2026-12-24', from: '10:00', to: '11:00' }];
    expect(parseClosures(closuresText(closures))).toEqual(closures);
  });
});
