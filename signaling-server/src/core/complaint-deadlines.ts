import type { ComplaintDeadlines } from '@loket/shared';
import { formatsByZone } from './zone-formats.js';

/**
 * Working days each stage of a complaint in SP4N-LAPOR! may take. The numbers are those LAPOR!
 * publishes for its workflow (lapor.go.id, "Alur Proses Laporan"; the FAQ on blog.lapor.go.id:
 * "Laporan Anda akan diverifikasi dalam waktu paling lambat 3 (tiga) hari kerja"): verification
 * within 3 working days, the office's follow-up within 5, and 10 before the complaint is settled.
 * SP4N-LAPOR! is the national system under Perpres 76/2013 (Pengelolaan Pengaduan Pelayanan
 * Publik), run by the guideline of PermenPAN-RB 62/2018 (Pedoman Sistem Pengelolaan Pengaduan
 * Pelayanan Publik Nasional); the article that fixes these numbers was not checked in the text of
 * either, so an office should confirm them against that guideline's annex.
 *
 * Every stage is counted from the day the complaint was forwarded, not from the end of the stage
 * before: LAPOR! does not tell when a stage ended, and the earliest reading never shows an office
 * more time than it has.
 */
export const COMPLAINT_STAGE_DAYS = { verification: 3, followUp: 5, completion: 10 } as const;

const DAY_MS = 86_400_000;

function shift(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
}

/** Whether the office works on a calendar day: not a Saturday, a Sunday or one of its holidays. */
export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The day `days` working days after `from` (which itself is not counted). */
export function addWorkingDays(from: string, days: number, holidays: ReadonlySet<string>): string {
  let day = from;
  for (let left = days; left > 0;) {
    day = shift(day, 1);
    if (isWorkingDay(day, holidays)) left -= 1;
  }
  return day;
}

/**
 * Working days from `today` to `due`: after today up to the due day when it is still ahead (0 on
 * the due day itself), negative by the working days since when it has passed.
 */
export function workingDaysLeft(today: string, due: string, holidays: ReadonlySet<string>): number {
  const [from, to, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let day = shift(from, 1); day <= to; day = shift(day, 1)) {
    if (isWorkingDay(day, holidays)) count += 1;
  }
  return sign * count;
}

const localDays = formatsByZone('en-CA', {});

/** The calendar day of an instant in a time zone, `YYYY-MM-DD`. */
export function localDay(at: number, timeZone: string): string {
  return localDays(timeZone).format(at);
}

/** The three deadlines of a complaint forwarded on `forwardedOn`, seen on `today`. */
export function complaintDeadlines(
  forwardedOn: string,
  today: string,
  holidays: ReadonlySet<string>,
): ComplaintDeadlines {
  const stage = (days: number) => {
    const due = addWorkingDays(forwardedOn, days, holidays);
    return { due, workingDaysLeft: workingDaysLeft(today, due, holidays) };
  };
  return {
    verification: stage(COMPLAINT_STAGE_DAYS.verification),
    followUp: stage(COMPLAINT_STAGE_DAYS.followUp),
    completion: stage(COMPLAINT_STAGE_DAYS.completion),
  };
}
