import { z } from 'zod';
import { CalendarDay } from '../reports.js';
import { RecordVersion } from './version.js';

/** A local time of day, `HH:MM`; `24:00` ends a day. */
export const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'time' });

/** One opening period of a day, in the office's local time. */
export const OpeningPeriod = z
  .object({ open: ClockTime, close: ClockTime })
  .refine((period) => period.open < period.close, {
    message: 'endBeforeStart',
    path: ['close'],
  });
/** One opening period of a day. */
export type OpeningPeriod = z.infer<typeof OpeningPeriod>;

/** Whether any two periods share a minute. */
export function overlaps(periods: readonly { open: string; close: string }[]): boolean {
  const sorted = [...periods].sort((a, b) => a.open.localeCompare(b.open));
  return sorted.some((period, index) => index > 0 && period.open < sorted[index - 1]!.close);
}

/** A day's periods; a break is the gap between two of them. */
export const DayPeriods = z
  .array(OpeningPeriod)
  .max(6)
  .refine((periods) => !overlaps(periods), { message: 'overlap' });

/** A one-off closure of part of a day (a meeting, an outage), in the office's local time. */
export const Closure = z
  .object({ date: CalendarDay, from: ClockTime, to: ClockTime })
  .refine((closure) => closure.from < closure.to, { message: 'endBeforeStart', path: ['to'] });
/** A one-off closure of part of a day. */
export type Closure = z.infer<typeof Closure>;

/** What an administrator sets about when the office serves. */
export const HoursSettings = z.object({
  /** Seven days, Sunday first. */
  weekly: z.array(DayPeriods).length(7),
  /** Local dates the office is closed all day. */
  holidays: z
    .array(CalendarDay)
    .max(100)
    .refine((days) => new Set(days).size === days.length, { message: 'duplicate' }),
  closures: z.array(Closure).max(100),
});
/** What an administrator sets about when the office serves. */
export type HoursSettings = z.infer<typeof HoursSettings>;

/** "Open now until 16:00" or "closed, opens Monday 08:00", in the office's time zone. */
export const HoursPreview = z.discriminatedUnion('open', [
  z.object({ open: z.literal(true), until: ClockTime }),
  z.object({
    open: z.literal(false),
    /** The next opening within two weeks: its local weekday (0 Sunday) and time; or none. */
    opens: z.object({ weekday: z.number().int().min(0).max(6), time: ClockTime }).nullable(),
  }),
]);
/** How the office stands now, as its administrator reads it. */
export type HoursPreview = z.infer<typeof HoursPreview>;

/** The office's hours as the administration screen shows them. */
export const AdminHours = HoursSettings.extend({
  timeZone: z.string(),
  version: RecordVersion,
  preview: HoursPreview,
});
/** The office's hours as the administration screen shows them. */
export type AdminHours = z.infer<typeof AdminHours>;

/** A change to the hours, with the version the administrator saw. */
export const UpdateHoursBody = HoursSettings.extend({ version: RecordVersion });
/** A change to the hours. */
export type UpdateHoursBody = z.infer<typeof UpdateHoursBody>;
