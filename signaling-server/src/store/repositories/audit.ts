import type { Db } from '../database.js';
import { prepared } from '../prepared.js';
import type { AuditRow } from '../schema.js';

/** One entry of the audit log, written in the same transaction as the change it records. */
export type AuditEntry = Omit<AuditRow, 'details'> & { details?: Record<string, unknown> };

const auditQuery = prepared((db: Db, row: AuditRow) => db.insertInto('audit_log').values(row));

const auditRow = (entry: AuditEntry): AuditRow => ({
  ...entry,
  details: JSON.stringify(entry.details ?? {}),
});

/** Appends to the audit log. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await auditQuery(db, auditRow(entry));
}

/** Appends several entries to the audit log in one statement. */
export async function auditAll(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('audit_log').values(entries.map(auditRow)).execute();
}

/** Which entries of an office's log to read. */
export interface AuditFilter {
  officeId: string;
  /** From this instant (included) to that one (excluded). */
  from: number;
  to: number;
  actorType: AuditRow['actor_type'] | null;
  /** A whole action, or the subject part of actions (`ticket` for `ticket.*`). */
  action: string | null;
  /** Part of the name of the person or kiosk who made the entry, in any case. */
  who: string | null;
  limit: number;
}

/** An audit entry with the name of who made it, when known. */
export type NamedAuditRow = AuditRow & { actor_name: string | null };

/** An office's log entries that match, newest first, at most `limit`. */
export function listAudit(db: Db, filter: AuditFilter): Promise<NamedAuditRow[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', (join) =>
      join.onRef('u.id', '=', 'a.actor_id').on('a.actor_type', '=', 'user'),
    )
    .leftJoin('kiosks as k', (join) =>
      join.onRef('k.id', '=', 'a.actor_id').on('a.actor_type', '=', 'kiosk'),
    )
    .selectAll('a')
    .select((eb) => eb.fn.coalesce('u.display_name', 'k.name').as('actor_name'))
    .where('a.office_id', '=', filter.officeId)
    .where('a.at', '>=', filter.from)
    .where('a.at', '<', filter.to);
  if (filter.actorType) query = query.where('a.actor_type', '=', filter.actorType);
  if (filter.action) {
    const action = filter.action;
    // `admin.person` is both a whole action's start and, for `admin.person.updated`, a subject.
    query = query.where((eb) =>
      eb.or([eb('a.action', '=', action), eb('a.action', 'like', `${action}.%`)]),
    );
  }
  if (filter.who) {
    const who = `%${filter.who.toLowerCase()}%`;
    query = query.where((eb) =>
      eb(eb.fn('lower', [eb.fn.coalesce('u.display_name', 'k.name')]), 'like', who),
    );
  }
  return query.orderBy('a.at', 'desc').orderBy('a.id').limit(filter.limit).execute();
}
