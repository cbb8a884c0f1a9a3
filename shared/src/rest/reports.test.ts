import { describe, expect, test } from 'vitest';
import { daysInRange, ReportRequest } from './reports.js';

describe('ReportRequest', () => {
  test.each([
    { name: 'one day', request: { from: '2026-03-02', to: '2026-03-02', groupBy: 'day' } },
    { name: 'a leap year', request: { from: '2024-01-01', to: '2024-12-31', groupBy: 'month' } },
    {
      name: 'a quarter by officer',
      request: { from: '2026-01-01', to: '2026-03-31', groupBy: 'officer' },
    },
  ])('takes $name', ({ request }) => {
    expect(ReportRequest.safeParse(request).success).toBe(true);
  });

  test.each([
    {
      name: 'a range that ends before it starts',
      request: { from: '2026-03-02', to: '2026-03-01', groupBy: 'day' },
      message: 'the range ends before it starts',
    },
    {
      name: 'a range longer than 366 days',
      request: { from: '2025-01-01', to: '2026-01-02', groupBy: 'month' },
      message: 'a report covers at most 366 days',
    },
    {
      name: 'a grouping it does not know',
      request: { from: '2026-03-01', to: '2026-03-02', groupBy: 'kiosk' },
      message: 'Invalid option',
    },
    {
      name: 'a day that does not exist',
      request: { from: '2026-02-30', to: '2026-03-02', groupBy: 'day' },
      message: 'Invalid ISO date',
    },
    {
      name: 'a date in another form',
      request: { from: '02/03/2026', to: '2026-03-02', groupBy: 'day' },
      message: 'Invalid ISO date',
    },
  ])('refuses $name, saying why', ({ request, message }) => {
    const parsed = ReportRequest.safeParse(request);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(message);
  });
});

describe('daysInRange', () => {
  test.each([
    { from: '2026-03-02', to: '2026-03-02', expected: 1 },
    { from: '2026-02-28', to: '2026-03-01', expected: 2 },
    { from: '2024-01-01', to: '2024-12-31', expected: 366 },
    { from: '2026-03-02', to: '2026-03-01', expected: 0 },
  ])('counts $expected days from $from to $to', ({ from, to, expected }) => {
    expect(daysInRange(from, to)).toBe(expected);
  });
});
