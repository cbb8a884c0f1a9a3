import { describe, expect, it } from 'vitest';
import { errorKey } from './error-key';

describe('errorKey', () => {
  it.each([
    ['OUTSIDE_HOURS', 'errors.OUTSIDE_HOURS'],
    ['TIMEOUT', 'errors.TIMEOUT'],
    ['CHANGED_ELSEWHERE', 'errors.INTERNAL'],
    ['DUPLICATE', 'errors.INTERNAL'],
    ['PAST_DATE', 'errors.INTERNAL'],
  ] as const)('reads %s with the words of %s', (code, key) => {
    expect(errorKey(code)).toBe(key);
  });
});
