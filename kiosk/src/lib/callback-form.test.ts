import { describe, expect, it } from 'vitest';
import { checkCallback, normalisePhone, type CallbackProblems } from './callback-form';

describe('the call-back form check', () => {
  it.each<{ phone: string; consent: boolean; expected: CallbackProblems }>([
    { phone: '0812 3456 7890', consent: true, expected: {} },
    { phone: '+62 812-3456-7890', consent: true, expected: {} },
    { phone: '', consent: true, expected: { phone: 'missing' } },
    { phone: '   ', consent: false, expected: { phone: 'missing', consent: 'missing' } },
    { phone: '12345', consent: true, expected: { phone: 'invalid' } },
    { phone: '+44 20 7946 0958', consent: true, expected: { phone: 'invalid' } },
    { phone: '0812 3456 7890', consent: false, expected: { consent: 'missing' } },
  ])('finds $expected in "$phone" (consent: $consent)', ({ phone, consent, expected }) => {
    expect(checkCallback(phone, consent)).toEqual(expected);
  });

  it.each([
    { phone: '0812 3456 7890', expected: '+6281234567890' },
    { phone: '62-812-3456-7890', expected: '+6281234567890' },
    { phone: '+62 21 5255 733', expected: '+62215255733' },
    { phone: '0044 20 7946', expected: null },
  ])('normalises $phone to $expected', ({ phone, expected }) => {
    expect(normalisePhone(phone)).toBe(expected);
  });
});
