import { daysInRange, MAX_REPORT_DAYS } from '@loket/shared';

/** What is wrong with a range before it is sent, if anything (the server checks it again). */
export type RangeProblem = 'rangeMissing' | 'rangeReversed' | 'rangeTooLong';

/** Checks a range of two YYYY-MM-DD days the way the server will. */
export function rangeProblem(from: string, to: string): RangeProblem | null {
  if (!from || !to) return 'rangeMissing';
  if (to < from) return 'rangeReversed';
  return daysInRange(from, to) > MAX_REPORT_DAYS ? 'rangeTooLong' : null;
}

/** The calendar day (YYYY-MM-DD) of `at` where the console runs. */
export function localDay(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The range a report opens with: the month so far. */
export function monthSoFar(today: Date): { from: string; to: string } {
  const to = localDay(today);
  return { from: `${to.slice(0, 8)}01`, to };
}
