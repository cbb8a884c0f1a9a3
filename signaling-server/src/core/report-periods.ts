/**
 * The calendar of a report in an office's time zone: where its days start and end, and which
 * week or month a day belongs to. Days are YYYY-MM-DD; the database groups rows by a day number
 * (days since 1970-01-01 on the office's wall clock), which these functions turn back into days.
 */

import { formatsByZone } from './zone-formats.js';

const DAY_MS = 86_400_000;

const wallClocks = formatsByZone('en-US', {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far the zone's wall clock is ahead of UTC at `at`, in milliseconds. */
export function zoneOffsetAt(at: number, timeZone: string): number {
  const part = Object.fromEntries(
    wallClocks(timeZone)
      .formatToParts(at)
      .map(({ type, value }) => [type, Number(value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    part.year!,
    part.month! - 1,
    part.day!,
    part.hour!,
    part.minute!,
    part.second!,
  );
  return wall - (at - (at % 1000));
}

/** The day number of a calendar day (days since 1970-01-01). */
export function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

/** The calendar day of a day number. */
export function dayOfNumber(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** When a calendar day starts in the zone (its first wall-clock instant). */
export function dayStart(day: string, timeZone: string): number {
  const wall = dayNumber(day) * DAY_MS;
  const guess = wall - zoneOffsetAt(wall, timeZone);
  return wall - zoneOffsetAt(guess, timeZone);
}

/** A stretch of time over which the zone keeps one offset from UTC. */
export interface ZoneSpan {
  from: number;
  /** Exclusive. */
  to: number;
  offsetMs: number;
}

/**
 * Cuts `[from, to)` where the zone's offset changes (daylight saving), so that within each span a
 * row's wall-clock day is `floor((at + offsetMs) / 1 day)`. Zones without changes (all of
 * Indonesia's) give one span.
 */
export function zoneSpans(from: number, to: number, timeZone: string): ZoneSpan[] {
  const spans: ZoneSpan[] = [];
  let start = from;
  let offset = zoneOffsetAt(from, timeZone);
  for (let probe = from + DAY_MS / 2; probe < to + DAY_MS / 2; probe += DAY_MS / 2) {
    const at = Math.min(probe, to - 1);
    if (zoneOffsetAt(at, timeZone) === offset) continue;
    // The change lies in (at − ½ day, at]: find its first minute.
    let low = at - DAY_MS / 2;
    let high = at;
    while (high - low > 60_000) {
      const middle = Math.floor((low + high) / 2 / 60_000) * 60_000;
      if (zoneOffsetAt(middle, timeZone) === offset) low = middle;
      else high = middle;
    }
    spans.push({ from: start, to: high, offsetMs: offset });
    start = high;
    offset = zoneOffsetAt(high, timeZone);
  }
  spans.push({ from: start, to, offsetMs: offset });
  return spans;
}

/** How a report's days are gathered into periods. */
export type Period = 'day' | 'week' | 'month';

/** The period a day belongs to: the day itself, the Monday of its ISO week, or YYYY-MM. */
export function periodOf(day: string, period: Period): string {
  if (period === 'day') return day;
  if (period === 'month') return day.slice(0, 7);
  const number = dayNumber(day);
  // 1970-01-01 was a Thursday: day 0 is three days after a Monday.
  return dayOfNumber(number - ((number + 3) % 7));
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, period: Period): string[] {
  const periods: string[] = [];
  for (let number = dayNumber(from); number <= dayNumber(to); number += 1) {
    const key = periodOf(dayOfNumber(number), period);
    if (periods.at(-1) !== key) periods.push(key);
  }
  return periods;
}
