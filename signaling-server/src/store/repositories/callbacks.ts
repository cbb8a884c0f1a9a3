import type { Db } from '../database.js';
import type { CallbackRow } from '../schema.js';

/** Stores a call-back request. */
export async function insertCallback(db: Db, row: CallbackRow): Promise<void> {
  await db.insertInto('callbacks').values(row).execute();
}

/** The call-back a kiosk made with this client id, if any. */
export function findCallbackByClientId(
  db: Db,
  kioskId: string,
  clientId: string,
): Promise<CallbackRow | undefined> {
  return db
    .selectFrom('callbacks')
    .selectAll()
    .where('kiosk_id', '=', kioskId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Open call-backs of an office, oldest first. */
export function listOpenCallbacks(db: Db, officeId: string): Promise<CallbackRow[]> {
  return db
    .selectFrom('callbacks')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .execute();
}

/** Closes an open call-back once; returns false if it was not open. */
export async function closeCallback(
  db: Db,
  id: string,
  change: { closedAt: number; closedBy: string; outcome: string },
): Promise<boolean> {
  const result = await db
    .updateTable('callbacks')
    .set({
      status: 'closed',
      closed_at: change.closedAt,
      closed_by: change.closedBy,
      outcome: change.outcome,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
