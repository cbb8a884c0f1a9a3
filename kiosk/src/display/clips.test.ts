import { describe, expect, test } from 'vitest';
import { clipsFor, spokenNumber } from './clips';

describe('the display’s voice clips', () => {
  test.each([
    {
      number: 'B-014',
      language: 'id' as const,
      expected: ['ticket', 'b', '0', '1', '4', 'return'].map((n) => `/kiosk/voice/id/${n}.ogg`),
    },
    {
      number: 'a-9',
      language: 'en' as const,
      expected: ['ticket', 'a', '9', 'return'].map((n) => `/kiosk/voice/en/${n}.ogg`),
    },
  ])('$number in $language is read one character at a time between the phrases', (row) => {
    expect(clipsFor(row.number, row.language, '/kiosk/')).toEqual(row.expected);
  });

  test('a speech engine is given the number without its dash, a character at a time', () => {
    expect(spokenNumber('B-014')).toBe('B 0 1 4');
  });
});
