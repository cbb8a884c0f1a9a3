import { z } from 'zod';
import { IkmView, SkmElement } from '../domain/survey.js';

/** The longest range a report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

/**
 * How a report's rows are cut: by period (day, ISO week, month) or by service, officer, need or
 * outcome (the disposition picked at wrap-up of a visit's last call).
 */
export const ReportGrouping = z.enum([
  'day',
  'week',
  'month',
  'service',
  'officer',
  'need',
  'outcome',
]);
/** How a report's rows are cut. */
export type ReportGrouping = z.infer<typeof ReportGrouping>;

/** A calendar day, YYYY-MM-DD, as the office's time zone counts days. */
export const CalendarDay = z.iso.date();

const DAY_MS = 86_400_000;

/** Days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function daysInRange(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
}

/** The key of visits with no outcome picked; no disposition's id starts with `_`. */
export const NO_OUTCOME = '_none';

/** What a manager asks a report for: the days it covers (both included) and how it is cut. */
export const ReportRequest = z
  .object({ from: CalendarDay, to: CalendarDay, groupBy: ReportGrouping })
  .refine((range) => range.from <= range.to, {
    message: 'the range ends before it starts',
    path: ['to'],
  })
  .refine((range) => daysInRange(range.from, range.to) <= MAX_REPORT_DAYS, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
/** What a manager asks a report for. */
export type ReportRequest = z.infer<typeof ReportRequest>;

const Count = z.number().int().nonnegative();
const Millis = z.number().nonnegative();
const Share = z.number().min(0).max(1);

/**
 * The figures of one row of a report (or of the whole range). A ticket counts where it was taken:
 * its day, its service, each need its visitor declared, and the officer of its last call.
 */
export const ReportFigures = z.object({
  tickets: Count,
  served: Count,
  abandoned: Count,
  cancelled: Count,
  /** Call-backs asked for; by officer, those the officer closed; null by need (not recorded). */
  callbacks: Count.nullable(),
  /** Tickets an officer answered. */
  answered: Count,
  /** From taking the ticket to the first answer; null when none was answered. */
  averageSpeedOfAnswerMs: Millis.nullable(),
  /** Time in calls per answered visitor, over visits whose calls ended. */
  averageHandleMs: Millis.nullable(),
  /** Answered within the office's target, of those answered. */
  serviceLevel: Share.nullable(),
  /** The same for visitors who declared sign language (BISINDO). */
  signLanguageServiceLevel: Share.nullable(),
  /** The longest a visitor waited for an answer, or before leaving unanswered. */
  longestWaitMs: Millis.nullable(),
  ikm: IkmView.nullable(),
  /** Each answered SKM element's average (NRR) on the regulation's 1–4 scale. */
  elements: z.partialRecord(SkmElement, z.number().min(1).max(4)),
});
/** The figures of one row of a report. */
export type ReportFigures = z.infer<typeof ReportFigures>;

/**
 * One row: a period (`2026-03-02`, the Monday of a week, `2026-03`), a service, officer, need or
 * outcome (a disposition's id, or {@link NO_OUTCOME}).
 */
export const ReportRow = z.object({
  key: z.string().min(1).max(64),
  /** The service's or officer's name; periods and needs are named by the screen. */
  name: z.object({ id: z.string(), en: z.string() }).nullable(),
  figures: ReportFigures,
});
/** One row of a report. */
export type ReportRow = z.infer<typeof ReportRow>;

/** A report: what was asked, in which time zone, its rows and the whole range's figures. */
export const Report = z.object({
  from: CalendarDay,
  to: CalendarDay,
  groupBy: ReportGrouping,
  timeZone: z.string(),
  serviceLevelTargetMs: Millis,
  rows: z.array(ReportRow),
  total: ReportFigures,
});
/** A report as the console shows and exports it. */
export type Report = z.infer<typeof Report>;
