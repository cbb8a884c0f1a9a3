import { formatsByZone } from './zone-formats.js';

/** One opening interval of a day, in the office's local time, `HH:MM`. */
export interface OpenInterval {
  open: string;
  close: string;
}

/** When an office serves: a weekly schedule (breaks are gaps between intervals) and holidays. */
export interface ServiceHours {
  /** IANA time zone, e.g. `Asia/Jakarta`. */
  timeZone: string;
  /** Seven days, Sunday first, each with its intervals. */
  weekly: OpenInterval[][];
  /** Local dates (`YYYY-MM-DD`) when the office is closed all day. */
  holidays: string[];
  /** One-off closures of part of a local date (`YYYY-MM-DD`, `HH:MM`–`HH:MM`). */
  closures?: { date: string; from: string; to: string }[];
}

/** Whether the office serves at a moment, and when it next opens if not. */
export type HoursState =
  { open: true; closesAt: number } | { open: false; nextOpening: number | null };

/** Monday to Friday 08:00–12:00 and 13:00–16:00, the usual office day with a lunch break. */
export const DEFAULT_HOURS: ServiceHours = {
  timeZone: 'Asia/Jakarta',
  weekly: [
    [],
    ...Array.from({ length: 5 }, () => [
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '16:00' },
    ]),
    [],
  ],
  holidays: [],
};

interface LocalParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const localClocks = formatsByZone('en-US', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function localParts(at: number, timeZone: string): LocalParts {
  const parts = localClocks(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const isoDate = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The instant of a local date and minute of day in a time zone. */
function zonedInstant(y: number, m: number, d: number, minutes: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d, 0, minutes);
  const seen = localParts(guess, timeZone);
  const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, 0, seen.minutes);
  return guess - (seenAsUtc - guess);
}

/** A date's opening periods in minutes of the day: its weekday's, less any closures that day. */
export function dayPeriods(hours: ServiceHours, date: string, weekday: number): [number, number][] {
  if (hours.holidays.includes(date)) return [];
  let periods = (hours.weekly[weekday] ?? []).map((interval): [number, number] => [
    toMinutes(interval.open),
    toMinutes(interval.close),
  ]);
  for (const closure of hours.closures ?? []) {
    if (closure.date !== date) continue;
    const [from, to] = [toMinutes(closure.from), toMinutes(closure.to)];
    periods = periods.flatMap(
      ([open, close]): [number, number][] =>
        [
          [open, Math.min(close, from)],
          [Math.max(open, to), close],
        ].filter(([start, end]) => start! < end!) as [number, number][],
    );
  }
  return periods.sort((a, b) => a[0] - b[0]);
}

/** Whether the office is open at `now`; if not, the next opening within two weeks (or null). */
export function hoursState(hours: ServiceHours, now: number): HoursState {
  const today = localParts(now, hours.timeZone);
  const todayDate = isoDate(today.year, today.month, today.day);
  for (const [open, close] of dayPeriods(hours, todayDate, today.weekday)) {
    if (today.minutes >= open && today.minutes < close) {
      return {
        open: true,
        closesAt: zonedInstant(today.year, today.month, today.day, close, hours.timeZone),
      };
    }
  }
  for (let offset = 0; offset <= 14; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    for (const [open] of dayPeriods(hours, isoDate(y, m, d), day.getUTCDay())) {
      const opening = zonedInstant(y, m, d, open, hours.timeZone);
      if (opening > now) return { open: false, nextOpening: opening };
    }
  }
  return { open: false, nextOpening: null };
}

/** The local date (`YYYY-MM-DD`) of `at` in a time zone. */
export function localDate(at: number, timeZone: string): string {
  const parts = localParts(at, timeZone);
  return isoDate(parts.year, parts.month, parts.day);
}

/** The local weekday (0 Sunday) and time (`HH:MM`) of `at` in a time zone. */
export function localClock(at: number, timeZone: string): { weekday: number; time: string } {
  const parts = localParts(at, timeZone);
  const { minutes } = parts;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  return { weekday: parts.weekday, time: `${hh}:${String(minutes % 60).padStart(2, '0')}` };
}
