import { describe, expect, test } from 'vitest';
import { hoursPreview } from './hours-preview.js';
import { DEFAULT_HOURS, type ServiceHours } from './service-hours.js';

/** A wall-clock time in Jakarta (UTC+7). */
const jakarta = (local: string) => Date.parse(`${local}+07:00`);

const withClosure: ServiceHours = {
  ...DEFAULT_HOURS,
  holidays: ['2026-12-25'],
  closures: [{ date: '2026-12-23', from: '10:00', to: '11:00' }],
};

describe('the preview of an office’s hours', () => {
  test.each([
    { at: '2026-12-21T09:00:00', hours: DEFAULT_HOURS, expected: { open: true, until: '12:00' } },
    { at: '2026-12-21T13:30:00', hours: DEFAULT_HOURS, expected: { open: true, until: '16:00' } },
    {
      at: '2026-12-21T12:30:00',
      hours: DEFAULT_HOURS,
      expected: { open: false, opens: { weekday: 1, time: '13:00' } },
    },
    {
      at: '2026-12-25T17:00:00',
      hours: DEFAULT_HOURS,
      expected: { open: false, opens: { weekday: 1, time: '08:00' } },
    },
    {
      at: '2026-12-24T17:00:00',
      hours: withClosure,
      expected: { open: false, opens: { weekday: 1, time: '08:00' } },
    },
    { at: '2026-12-23T09:30:00', hours: withClosure, expected: { open: true, until: '10:00' } },
    {
      at: '2026-12-23T10:15:00',
      hours: withClosure,
      expected: { open: false, opens: { weekday: 3, time: '11:00' } },
    },
    { at: '2026-12-23T11:15:00', hours: withClosure, expected: { open: true, until: '12:00' } },
    {
      at: '2026-12-21T22:00:00',
      hours: {
        ...DEFAULT_HOURS,
        weekly: Array.from({ length: 7 }, () => [{ open: '00:00', close: '24:00' }]),
      },
      expected: { open: true, until: '24:00' },
    },
    {
      at: '2026-12-21T09:00:00',
      hours: { ...DEFAULT_HOURS, weekly: Array.from({ length: 7 }, () => []) },
      expected: { open: false, opens: null },
    },
  ])('at $at it reads $expected', ({ at, hours, expected }) => {
    expect(hoursPreview(hours, jakarta(at))).toEqual(expected);
  });

  test('it reads the times in the office’s own time zone', () => {
    const hours = { ...DEFAULT_HOURS, timeZone: 'Asia/Jayapura' };
    // 09:00 in Jakarta is 11:00 in Jayapura (UTC+9).
    expect(hoursPreview(hours, jakarta('2026-12-21T09:00:00'))).toEqual({
      open: true,
      until: '12:00',
    });
    expect(hoursPreview(hours, jakarta('2026-12-21T10:30:00'))).toEqual({
      open: false,
      opens: { weekday: 1, time: '13:00' },
    });
  });
});
