import { z } from 'zod';
import { Id } from '../domain/ids.js';
import { CalendarDay, daysInRange, MAX_REPORT_DAYS } from './reports.js';

/** Whose doing an entry records: a kiosk, a signed-in user, or the server on its own. */
export const AuditActorType = z.enum(['kiosk', 'user', 'system']);
/** Whose doing an entry records. */
export type AuditActorType = z.infer<typeof AuditActorType>;

/** The most entries one answer carries, newest first; a narrower filter finds older ones. */
export const AUDIT_PAGE = 500;

/**
 * What a manager or administrator reads of their office's audit log: the days (both included, in
 * the office's time zone), and optionally whose doing and which kind of change (`ticket`,
 * `kiosk`, `callback`… as the part of the action before its dot, or a whole action), and whose
 * name holds `who` (a person or kiosk, any case).
 */
export const AuditQuery = z
  .object({
    from: CalendarDay,
    to: CalendarDay,
    actorType: AuditActorType.nullable().default(null),
    action: z
      .string()
      .trim()
      .regex(/^[a-z_]+(\.[a-z_]+)*$/, 'an action is `subject` or `subject.verb`')
      .nullable()
      .default(null),
    who: z.string().trim().min(1).max(100).nullable().default(null),
  })
  .refine((range) => range.from <= range.to, {
    message: 'the range ends before it starts',
    path: ['to'],
  })
  .refine((range) => daysInRange(range.from, range.to) <= MAX_REPORT_DAYS, {
    message: `the audit log is read at most ${MAX_REPORT_DAYS} days at a time`,
    path: ['to'],
  });
/** What a manager or administrator reads of the audit log. */
export type AuditQuery = z.input<typeof AuditQuery>;

/** One entry as the console shows it: who by name, never a secret. */
export const AuditEntryView = z.object({
  id: Id,
  at: z.number().int(),
  actorType: AuditActorType,
  /** The user's display name or the kiosk's name; null for the server itself or one since gone. */
  actorName: z.string().nullable(),
  action: z.string(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
/** One entry of the audit log. */
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** The entries that match, newest first; `truncated` when more matched than one answer carries. */
export const AuditLog = z.object({ entries: z.array(AuditEntryView), truncated: z.boolean() });
/** The entries that match a query. */
export type AuditLog = z.infer<typeof AuditLog>;
