import { describe, expect, test } from 'vitest';
import { formatTicketNumber, serviceDay } from './ticket-number.js';

describe('ticket numbers', () => {
  test.each([
    { letter: 'B', count: 14, expected: 'B-014' },
    { letter: 'A', count: 1, expected: 'A-001' },
    { letter: 'C', count: 1234, expected: 'C-1234' },
  ])('$letter and $count read $expected', ({ letter, count, expected }) => {
    expect(formatTicketNumber(letter, count)).toBe(expected);
  });

  test('the service day follows the office time zone, not UTC', () => {
    const lateUtcEvening = Date.UTC(2026, 10, 27, 18, 30);
    expect(serviceDay(lateUtcEvening, 'UTC')).toBe('2026-11-27');
    expect(serviceDay(lateUtcEvening, 'Asia/Jakarta')).toBe('2026-11-28');
  });
});
