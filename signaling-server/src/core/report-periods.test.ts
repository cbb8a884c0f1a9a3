import { describe, expect, test } from 'vitest';
import { dayStart, periodOf, periodsBetween, zoneOffsetAt, zoneSpans } from './report-periods.js';

const HOUR = 3_600_000;

describe('dayStart', () => {
  test.each([
    { day: '2026-03-02', zone: 'Asia/Jakarta', expected: '2026-03-01T17:00:00.000Z' },
    { day: '2026-03-02', zone: 'Asia/Jayapura', expected: '2026-03-01T15:00:00.000Z' },
    { day: '2026-03-02', zone: 'UTC', expected: '2026-03-02T00:00:00.000Z' },
    { day: '2026-07-01', zone: 'Europe/Amsterdam', expected: '2026-06-30T22:00:00.000Z' },
  ])('starts $day in $zone at $expected', ({ day, zone, expected }) => {
    expect(new Date(dayStart(day, zone)).toISOString()).toBe(expected);
  });
});

describe('zoneSpans', () => {
  test('a zone without daylight saving keeps one offset over a year', () => {
    const from = dayStart('2026-01-01', 'Asia/Jakarta');
    const to = dayStart('2027-01-01', 'Asia/Jakarta');
    expect(zoneSpans(from, to, 'Asia/Jakarta')).toEqual([{ from, to, offsetMs: 7 * HOUR }]);
  });

  test('a zone with daylight saving is cut at the minute its clocks change', () => {
    const zone = 'Europe/Amsterdam';
    const from = dayStart('2026-03-28', zone);
    const to = dayStart('2026-03-31', zone);
    const change = Date.parse('2026-03-29T01:00:00Z');
    expect(zoneSpans(from, to, zone)).toEqual([
      { from, to: change, offsetMs: HOUR },
      { from: change, to, offsetMs: 2 * HOUR },
    ]);
    expect(zoneOffsetAt(change, zone)).toBe(2 * HOUR);
  });
});

describe('periodOf', () => {
  test.each([
    { day: '2026-03-04', period: 'day', expected: '2026-03-04' },
    { day: '2026-03-04', period: 'week', expected: '2026-03-02' },
    { day: '2026-03-02', period: 'week', expected: '2026-03-02' },
    { day: '2026-03-08', period: 'week', expected: '2026-03-02' },
    { day: '2026-01-01', period: 'week', expected: '2025-12-29' },
    { day: '2026-03-04', period: 'month', expected: '2026-03' },
  ] as const)('puts $day in the $period $expected', ({ day, period, expected }) => {
    expect(periodOf(day, period)).toBe(expected);
  });
});

describe('periodsBetween', () => {
  test.each([
    { period: 'day', expected: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'] },
    { period: 'week', expected: ['2026-02-23', '2026-03-02'] },
    { period: 'month', expected: ['2026-02', '2026-03'] },
  ] as const)('lists each $period of the range once, in order', ({ period, expected }) => {
    expect(periodsBetween('2026-02-27', '2026-03-02', period)).toEqual(expected);
  });
});
