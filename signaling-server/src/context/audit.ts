import {
  audit as appendAudit,
  auditAll as appendAll,
  type AuditEntry,
} from '../store/repositories/audit.js';
import type { Db } from '../store/database.js';
import type { ServiceContext } from './context.js';

/** Who made a change: a kiosk, a signed-in user, or the server on its own (timers, matching). */
export type AuditedBy = { kioskId: string } | { userId: string } | 'system';

/** What one audit entry says. */
export interface AuditedChange {
  officeId: string;
  by: AuditedBy;
  /** What happened, `subject.verb`: `ticket.created`, `offer.expired`, … */
  action: string;
  subjectId: string | null;
  details?: Record<string, unknown>;
}

function entryOf(ctx: ServiceContext, change: AuditedChange): AuditEntry {
  const { by } = change;
  return {
    id: ctx.ids(),
    at: ctx.clock(),
    office_id: change.officeId,
    actor_type: by === 'system' ? 'system' : 'kioskId' in by ? 'kiosk' : 'user',
    actor_id: by === 'system' ? null : 'kioskId' in by ? by.kioskId : by.userId,
    action: change.action,
    subject_id: change.subjectId,
    ...(change.details ? { details: change.details } : {}),
  };
}

/** Writes an audit entry, stamped now, in the transaction `trx` of the change it records. */
export function audit(ctx: ServiceContext, trx: Db, change: AuditedChange): Promise<void> {
  return appendAudit(trx, entryOf(ctx, change));
}

/** Writes the entries of several changes made together, as `audit` does each, in one statement. */
export function auditAll(
  ctx: ServiceContext,
  trx: Db,
  changes: readonly AuditedChange[],
): Promise<void> {
  return appendAll(
    trx,
    changes.map((change) => entryOf(ctx, change)),
  );
}
