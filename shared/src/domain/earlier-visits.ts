import { z } from 'zod';
import { EpochMs, Id } from './ids.js';
import { LocalizedText } from './language.js';

/** The most earlier visits one ticket is linked to: a visitor's day at one kiosk. */
export const EARLIER_VISITS_MAX = 10;

/** How many numbers a visitor may try for one ticket, so earlier numbers cannot be guessed. */
export const EARLIER_TICKET_ATTEMPTS = 3;

/**
 * The visitor offers the number printed on their earlier ticket of today at this kiosk, agreeing
 * that the officer serving their current ticket sees what came of that visit. Letters then digits,
 * as printed (`A-003`), with or without the dash.
 */
export const LinkEarlierTicket = z.object({
  ticketId: Id,
  number: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,3}-?\d{1,4}$/),
});
/** The visitor offers their earlier ticket's number. */
export type LinkEarlierTicket = z.infer<typeof LinkEarlierTicket>;

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

/** A visitor's earlier visits this day at the same kiosk, newest first, once they offered them. */
export const EarlierVisits = z.object({ visits: z.array(EarlierVisit).max(EARLIER_VISITS_MAX) });
/** A visitor's earlier visits this day, newest first. */
export type EarlierVisits = z.infer<typeof EarlierVisits>;
