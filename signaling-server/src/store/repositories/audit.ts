import type { Db } from '../database.js';
import { prepared } from '../prepared.js';
import type { AuditRow } from '../schema.js';

/** One entry of the audit log, written in the same transaction as the change it records. */
export type AuditEntry = Omit<AuditRow, 'details'> & { details?: Record<string, unknown> };

const auditQuery = prepared((db: Db, row: AuditRow) => db.insertInto('audit_log').values(row));

/** Appends to the audit log. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await auditQuery(db, { ...entry, details: JSON.stringify(entry.details ?? {}) });
}
