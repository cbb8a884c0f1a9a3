import { describe, expect, test } from 'vitest';
import { DEFAULT_HOURS, hoursState, type ServiceHours } from './service-hours.js';

// Jakarta is UTC+7 all year.
const jakarta = (iso: string) => Date.parse(`${iso}+07:00`);

describe('service hours', () => {
  test.each([
    {
      name: 'a weekday morning is open until the lunch break',
      at: '2026-11-27T09:30:00',
      expected: { open: true, closesAt: jakarta('2026-11-27T12:00:00') },
    },
    {
      name: 'the lunch break is closed until 13:00',
      at: '2026-11-27T12:15:00',
      expected: { open: false, nextOpening: jakarta('2026-11-27T13:00:00') },
    },
    {
      name: 'Friday evening opens again on Monday',
      at: '2026-11-27T17:00:00',
      expected: { open: false, nextOpening: jakarta('2026-11-30T08:00:00') },
    },
    {
      name: 'before opening the same day',
      at: '2026-11-30T07:59:00',
      expected: { open: false, nextOpening: jakarta('2026-11-30T08:00:00') },
    },
    {
      name: 'the closing minute itself is closed',
      at: '2026-11-30T16:00:00',
      expected: { open: false, nextOpening: jakarta('2026-12-01T08:00:00') },
    },
  ])('$name', ({ at, expected }) => {
    expect(hoursState(DEFAULT_HOURS, jakarta(at))).toEqual(expected);
  });

  test('a holiday is skipped to the next working day', () => {
    const hours: ServiceHours = { ...DEFAULT_HOURS, holidays: ['2026-12-25'] };
    expect(hoursState(hours, jakarta('2026-12-25T10:00:00'))).toEqual({
      open: false,
      nextOpening: jakarta('2026-12-28T08:00:00'),
    });
  });

  test('the office time zone decides, not the server’s', () => {
    const hours: ServiceHours = { ...DEFAULT_HOURS, timeZone: 'Asia/Makassar' };
    // 08:30 in Jakarta is 09:30 in Makassar (UTC+8).
    expect(hoursState(hours, jakarta('2026-11-27T07:30:00'))).toEqual({
      open: true,
      closesAt: Date.parse('2026-11-27T12:00:00+08:00'),
    });
  });

  test('an office with no opening at all never opens', () => {
    const closed: ServiceHours = {
      timeZone: 'Asia/Jakarta',
      weekly: [[], [], [], [], [], [], []],
      holidays: [],
    };
    expect(hoursState(closed, jakarta('2026-11-27T10:00:00'))).toEqual({
      open: false,
      nextOpening: null,
    });
  });
});
