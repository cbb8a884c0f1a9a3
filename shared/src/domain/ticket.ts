import { z } from 'zod';
import { EpochMs, Id } from './ids.js';
import { Language } from './language.js';

/** Life of a ticket, see docs/architecture.md "The queue". */
export const TicketStatus = z.enum([
  'waiting',
  'offered',
  'in_call',
  'wrap_up',
  'done',
  'cancelled',
  'abandoned',
  'expired',
  'callback',
  'transferred',
]);
/** Where a ticket is in its life. */
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Statuses after which a ticket never changes again. */
export const TERMINAL_TICKET_STATUSES: readonly TicketStatus[] = [
  'done',
  'cancelled',
  'abandoned',
  'expired',
  'callback',
];

/** A ticket as its own kiosk sees it. */
export const TicketView = z.object({
  id: Id,
  /** Queue number shown and called out, e.g. `B-014`. */
  number: z.string().min(1).max(16),
  serviceId: Id,
  language: Language,
  status: TicketStatus,
  /** 1 for the next ticket to be served; null once it is no longer waiting. */
  position: z.number().int().positive().nullable(),
  createdAt: EpochMs,
});
/** A ticket as its own kiosk sees it. */
export type TicketView = z.infer<typeof TicketView>;
