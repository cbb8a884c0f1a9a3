import { z } from 'zod';
import { EpochMs, Id } from './ids.js';
import { Language } from './language.js';
import { Needs } from './needs.js';

/** Life of a ticket, see docs/architecture.md "The queue". */
export const TicketStatus = z.enum([
  'waiting',
  'offered',
  'in_call',
  'done',
  'cancelled',
  'abandoned',
]);
/** Where a ticket is in its life. */
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Statuses after which a ticket never changes again. */
export const TERMINAL_TICKET_STATUSES: readonly TicketStatus[] = ['done', 'cancelled', 'abandoned'];

/** An estimated wait, shown as a range. */
export const WaitRange = z.object({
  minMs: z.number().nonnegative(),
  maxMs: z.number().nonnegative(),
});
/** An estimated wait, shown as a range. */
export type WaitRange = z.infer<typeof WaitRange>;

/** A ticket as its own kiosk sees it. */
export const TicketView = z.object({
  id: Id,
  /** Queue number shown and called out, e.g. `B-014`. */
  number: z.string().min(1).max(16),
  serviceId: Id,
  language: Language,
  status: TicketStatus,
  /** What the visitor declared: who may serve them, and priority service. */
  needs: Needs,
  /** 1 for the next ticket to be served; null once it is no longer waiting. */
  position: z.number().int().positive().nullable(),
  /** Estimated wait while waiting; null when no estimate can honestly be given. */
  wait: WaitRange.nullable(),
  createdAt: EpochMs,
  /** The secret of the phone link that follows this visit; null for a ticket without one. */
  visitToken: z.string().nullable(),
  /** The secret of the link to the visit's summary, shown once the visit is over; null: none. */
  summaryToken: z.string().nullable(),
});
/** A ticket as its own kiosk sees it. */
export type TicketView = z.infer<typeof TicketView>;
