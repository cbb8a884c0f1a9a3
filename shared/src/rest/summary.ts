import { z } from 'zod';
import { EpochMs, Id } from '../domain/ids.js';
import { Language, LocalizedText } from '../domain/language.js';

/** The longest note an officer may leave a visitor: a few short paragraphs a phone shows whole. */
export const VISITOR_NOTE_MAX = 1000;

/** The officer's note to the visitor of a ticket they served, with the next steps. */
export const VisitorNote = z.object({
  ticketId: Id,
  note: z.string().trim().min(1).max(VISITOR_NOTE_MAX),
  /** The note records the visitor's complaint, which a manager may forward to SP4N-LAPOR!. */
  complaint: z.boolean().optional(),
});
/** The officer's note to the visitor of a ticket they served. */
export type VisitorNote = z.infer<typeof VisitorNote>;

/**
 * What a visitor takes home from a served visit: no personal data beyond the officer's first
 * name. `note` is null while the officer is still writing it; the link stops working after
 * `availableUntil`.
 */
export const VisitSummary = z.object({
  number: z.string().min(1).max(16),
  service: LocalizedText,
  language: Language,
  officerFirstName: z.string().nullable(),
  note: z.string().nullable(),
  requirements: z.array(LocalizedText),
  availableUntil: EpochMs,
});
/** What a visitor takes home from a served visit. */
export type VisitSummary = z.infer<typeof VisitSummary>;
