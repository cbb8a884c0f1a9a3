import { z } from 'zod';
import { Id } from '../domain/ids.js';
import { CalendarDay } from './reports.js';

/** Where a visitor's complaint was written: their survey comment, or the officer's visit note. */
export const ComplaintSource = z.enum(['survey', 'note']);
/** Where a visitor's complaint was written. */
export type ComplaintSource = z.infer<typeof ComplaintSource>;

/**
 * Where a complaint stands on its way to SP4N-LAPOR!: `waiting` for a manager to forward it;
 * `retrying` when LAPOR! could not be reached (timeout, 5xx) and a job sends it again;
 * `rejected` when LAPOR! refused it (4xx, with its reason); `forwarded` once LAPOR! gave it a
 * tracking id; `closed` once LAPOR! says it is done.
 */
export const ComplaintStatus = z.enum(['waiting', 'retrying', 'rejected', 'forwarded', 'closed']);
/** Where a complaint stands on its way to SP4N-LAPOR!. */
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** One stage's deadline and the working days left to it (negative: overdue by that many). */
export const ComplaintDeadline = z.object({
  due: CalendarDay,
  workingDaysLeft: z.number().int(),
});
/** One stage's deadline. */
export type ComplaintDeadline = z.infer<typeof ComplaintDeadline>;

/**
 * The three working-day deadlines of a forwarded complaint (3 / 5 / 10): LAPOR! verifies it, the
 * office follows it up, the complaint is settled. See the server's core/complaint-deadlines.
 */
export const ComplaintDeadlines = z.object({
  verification: ComplaintDeadline,
  followUp: ComplaintDeadline,
  completion: ComplaintDeadline,
});
/** The working-day deadlines of a forwarded complaint. */
export type ComplaintDeadlines = z.infer<typeof ComplaintDeadlines>;

/** A complaint as the manager's dashboard shows it. */
export const ComplaintView = z.object({
  id: Id,
  source: ComplaintSource,
  /** The visit's ticket number, e.g. `A-007`. */
  ticketNumber: z.string(),
  /** The visitor's words; null once the retention job erased them. */
  text: z.string().nullable(),
  createdAt: z.number().int(),
  status: ComplaintStatus,
  trackingId: z.string().nullable(),
  forwardedAt: z.number().int().nullable(),
  /** The name of the manager who forwarded it. */
  forwardedBy: z.string().nullable(),
  /** Why LAPOR! refused it, as it said (status `rejected`). */
  rejection: z.string().nullable(),
  deadlines: ComplaintDeadlines.nullable(),
});
/** A complaint as the manager's dashboard shows it. */
export type ComplaintView = z.infer<typeof ComplaintView>;

/** The office's open complaints, and whether forwarding to LAPOR! is configured at all. */
export const ComplaintList = z.object({
  /** False when the server has no `LAPOR_URL` / `LAPOR_TOKEN`: nothing can be forwarded. */
  forwardingEnabled: z.boolean(),
  complaints: z.array(ComplaintView),
});
/** The office's open complaints. */
export type ComplaintList = z.infer<typeof ComplaintList>;

/** A manager forwards one complaint of their office to SP4N-LAPOR!. */
export const ForwardComplaint = z.object({ complaintId: Id });
/** A manager forwards one complaint to SP4N-LAPOR!. */
export type ForwardComplaint = z.infer<typeof ForwardComplaint>;
