import { describe, expect, test } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  test.each([
    { ms: 0, expected: '0:00' },
    { ms: 999, expected: '0:00' },
    { ms: 65_000, expected: '1:05' },
    { ms: 3_599_000, expected: '59:59' },
    { ms: 3_600_000, expected: '1:00:00' },
    { ms: 3_725_000, expected: '1:02:05' },
    { ms: -5_000, expected: '0:00' },
  ])('formats $ms ms as $expected', ({ ms, expected }) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
