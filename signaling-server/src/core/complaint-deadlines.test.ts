import { describe, expect, test } from 'vitest';
import {
  addWorkingDays,
  complaintDeadlines,
  localDay,
  workingDaysLeft,
} from './complaint-deadlines.js';

const none = new Set<string>();
// 2026-12-25 is a Friday (Christmas); 2026-12-24 a Thursday (cuti bersama in many years).
const yearEnd = new Set(['2026-12-24', '2026-12-25']);

describe('working days of a complaint’s deadlines', () => {
  test.each([
    {
      name: 'a Monday plus 3 is the Thursday',
      from: '2026-11-30',
      days: 3,
      holidays: none,
      due: '2026-12-03',
    },
    {
      name: 'a Friday plus 3 skips the weekend to Wednesday',
      from: '2026-12-04',
      days: 3,
      holidays: none,
      due: '2026-12-09',
    },
    {
      name: 'a Friday plus 5 is the next Friday',
      from: '2026-12-04',
      days: 5,
      holidays: none,
      due: '2026-12-11',
    },
    {
      name: 'a Friday plus 10 is two weeks on',
      from: '2026-12-04',
      days: 10,
      holidays: none,
      due: '2026-12-18',
    },
    {
      name: 'a Saturday plus 3 counts from Monday',
      from: '2026-12-05',
      days: 3,
      holidays: none,
      due: '2026-12-09',
    },
    {
      name: 'the office’s holidays are skipped',
      from: '2026-12-22',
      days: 3,
      holidays: yearEnd,
      due: '2026-12-29',
    },
    {
      name: 'a month’s end rolls over',
      from: '2026-11-27',
      days: 3,
      holidays: none,
      due: '2026-12-02',
    },
    {
      name: 'a year’s end rolls over',
      from: '2026-12-30',
      days: 3,
      holidays: none,
      due: '2027-01-04',
    },
  ])('$name', ({ from, days, holidays, due }) => {
    expect(addWorkingDays(from, days, holidays)).toBe(due);
  });

  test.each([
    { name: 'three working days ahead', today: '2026-12-04', due: '2026-12-09', left: 3 },
    { name: 'the due day itself leaves none', today: '2026-12-09', due: '2026-12-09', left: 0 },
    { name: 'a weekend does not count', today: '2026-12-05', due: '2026-12-07', left: 1 },
    { name: 'one working day late', today: '2026-12-10', due: '2026-12-09', left: -1 },
    {
      name: 'late over a weekend counts working days only',
      today: '2026-12-14',
      due: '2026-12-09',
      left: -3,
    },
  ])('$name', ({ today, due, left }) => {
    expect(workingDaysLeft(today, due, none)).toBe(left);
  });

  test('the three stages of a complaint forwarded on a Friday, seen the next Thursday', () => {
    expect(complaintDeadlines('2026-12-04', '2026-12-10', none)).toEqual({
      verification: { due: '2026-12-09', workingDaysLeft: -1 },
      followUp: { due: '2026-12-11', workingDaysLeft: 1 },
      completion: { due: '2026-12-18', workingDaysLeft: 6 },
    });
  });

  test('the day of an instant is the office’s, not UTC’s', () => {
    // 23:30 UTC on 3 December is already 4 December in Jakarta.
    expect(localDay(Date.parse('2026-12-03T23:30:00Z'), 'Asia/Jakarta')).toBe('2026-12-04');
  });
});
