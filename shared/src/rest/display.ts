import { z } from 'zod';
import { Id } from '../domain/ids.js';
import { LocalizedText } from '../domain/language.js';

/**
 * Which office's lobby a call-out display shows. Without one, the server's only office: a
 * single-office install needs no setting on the TV.
 */
export const DisplayBoardRequest = z.object({ officeId: Id.optional() });
/** Which office's lobby a call-out display shows. */
export type DisplayBoardRequest = z.infer<typeof DisplayBoardRequest>;

/** A ticket as a lobby display shows it: its number and the kiosk it was taken at, nothing else. */
export const DisplayTicket = z.object({
  number: z.string().min(1).max(16),
  kioskName: z.string(),
});
/** A ticket as a lobby display shows it. */
export type DisplayTicket = z.infer<typeof DisplayTicket>;

/**
 * What a lobby's call-out display shows: ticket numbers only, as a lobby's paper board would.
 * `callNow` are the visitors asked back to their kiosk (by the rule of the phone page), `serving`
 * those in a call now; both oldest first.
 */
export const DisplayBoard = z.object({
  office: LocalizedText,
  callNow: z.array(DisplayTicket),
  serving: z.array(DisplayTicket),
});
/** What a lobby's call-out display shows. */
export type DisplayBoard = z.infer<typeof DisplayBoard>;
