import { z } from 'zod';
import { Id } from './ids.js';
import { LocalizedText } from './language.js';

/** The longest note an officer keeps on a call: a few paragraphs, read by colleagues. */
export const CALL_NOTES_MAX = 2000;

/** The most outcomes an office may list: more than fit on one wrap-up screen is no choice. */
export const DISPOSITIONS_MAX = 20;

/** One outcome of a visit an office lets its officers pick at wrap-up ("resolved"…). */
export const Disposition = z.object({
  /** Stored with the call; kept once in use, so reports still name old calls' outcomes. */
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'outcome_code_format'),
  label: z.object({
    id: LocalizedText.shape.id.max(60),
    en: LocalizedText.shape.en.max(60),
  }),
  /**
   * No longer offered at wrap-up; kept so visits that have it are still named. An outcome in use
   * is retired, never removed.
   */
  retired: z.boolean().optional(),
});
/** One outcome of a visit an office lets its officers pick. */
export type Disposition = z.infer<typeof Disposition>;

/** An office's list of outcomes, in the order officers see them; each id once. */
export const DispositionList = z
  .array(Disposition)
  .min(1, 'list_empty')
  .max(DISPOSITIONS_MAX)
  .refine((list) => new Set(list.map((d) => d.id)).size === list.length, 'duplicate_id')
  .refine((list) => list.some((d) => !d.retired), 'one_offered');
/** An office's list of outcomes. */
export type DispositionList = z.infer<typeof DispositionList>;

/** The outcomes of an office that has not listed its own. */
export const DEFAULT_DISPOSITIONS: readonly Disposition[] = [
  { id: 'resolved', label: { id: 'Selesai dilayani', en: 'Resolved' } },
  { id: 'information_given', label: { id: 'Informasi diberikan', en: 'Information given' } },
  { id: 'documents_missing', label: { id: 'Berkas belum lengkap', en: 'Documents missing' } },
  { id: 'follow_up', label: { id: 'Perlu tindak lanjut', en: 'Needs follow-up' } },
  { id: 'referred', label: { id: 'Dirujuk ke layanan lain', en: 'Referred elsewhere' } },
];

/**
 * What an officer keeps with the call of a visit they serve: notes during the call and after, and
 * the outcome once it is over. Either may come alone; empty notes clear them. Notes are text,
 * shown as text wherever they appear.
 */
export const CallRecord = z
  .object({
    ticketId: Id,
    notes: z.string().trim().max(CALL_NOTES_MAX).optional(),
    disposition: Disposition.shape.id.optional(),
  })
  .refine((r) => r.notes !== undefined || r.disposition !== undefined, 'notes or a disposition');
/** What an officer keeps with the call of a visit they serve. */
export type CallRecord = z.infer<typeof CallRecord>;
