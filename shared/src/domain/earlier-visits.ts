import { z } from 'zod';
import { EpochMs, Id } from './ids.js';
import { LocalizedText } from './language.js';

/** The most earlier visits one ticket is linked to: a visitor's day at one kiosk. */
export const EARLIER_VISITS_MAX = 10;

/**
 * The ticket last served at this kiosk today, which the kiosk asks the next visitor about ("were
 * you here earlier with it?"); null when there is none.
 */
export const EarlierTicket = z.object({
  earlier: z.object({ ticketId: Id, number: z.string() }).nullable(),
});
/** The ticket last served at this kiosk today, or none. */
export type EarlierTicket = z.infer<typeof EarlierTicket>;

/** One earlier visit of the visitor, as the officer serving them sees it. */
export const EarlierVisit = z.object({
  ticketId: Id,
  ticketNumber: z.string(),
  service: LocalizedText,
  at: EpochMs,
  /** The outcome the officer picked, an id of the office's list; null: none picked. */
  disposition: z.string().nullable(),
  /** The officer's notes on that call, shown as text; null: none, or erased. */
  notes: z.string().nullable(),
});
/** One earlier visit of the visitor. */
export type EarlierVisit = z.infer<typeof EarlierVisit>;

/** A visitor's earlier visits this day at the same kiosk, newest first, once they agreed. */
export const EarlierVisits = z.object({ visits: z.array(EarlierVisit).max(EARLIER_VISITS_MAX) });
/** A visitor's earlier visits this day, newest first. */
export type EarlierVisits = z.infer<typeof EarlierVisits>;
