import { z } from 'zod';
import { Language, LocalizedText } from '../domain/language.js';
import { WaitRange } from '../domain/ticket.js';

/**
 * The secret of a visit's phone link: 32 random bytes, base64url. It names the ticket and nothing
 * else, and stops working when the visit ends.
 */
export const VisitToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a visit link');

/** Which visit a phone asks about, by the secret in its link. */
export const VisitTokenBody = z.object({ token: VisitToken });
/** Which visit a phone asks about. */
export type VisitTokenBody = z.infer<typeof VisitTokenBody>;

/**
 * A visit as the visitor's phone follows it: no personal data, only what the kiosk's own screen
 * shows. `returnNow` asks the visitor back to the kiosk: they are next, or an officer is taking
 * their ticket.
 */
export const VisitStatus = z.object({
  number: z.string().min(1).max(16),
  service: LocalizedText,
  language: Language,
  kioskName: z.string(),
  /** 1 for the next visitor; null once an officer is taking the ticket. */
  position: z.number().int().positive().nullable(),
  wait: WaitRange.nullable(),
  returnNow: z.boolean(),
});
/** A visit as the visitor's phone follows it. */
export type VisitStatus = z.infer<typeof VisitStatus>;
