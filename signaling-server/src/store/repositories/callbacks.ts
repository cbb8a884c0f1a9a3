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

/** How many call-backs of an office are still open. */
export async function countOpenCallbacks(db: Db, officeId: string): Promise<number> {
  const { n } = await db
    .selectFrom('callbacks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('office_id', '=', officeId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** One call-back, if known. */
export function findCallback(db: Db, id: string): Promise<CallbackRow | undefined> {
  return db.selectFrom('callbacks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An office's closed call-backs whose number is still kept, for the retention job. */
export function listKeptClosedCallbacks(db: Db, officeId: string): Promise<CallbackRow[]> {
  return db
    .selectFrom('callbacks')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('status', '=', 'closed')
    .where('erased_at', 'is', null)
    .execute();
}

/** An office's call-backs that hold (or held) this number, newest first. */
export function findCallbacksByPhone(
  db: Db,
  officeId: string,
  phone: string,
): Promise<CallbackRow[]> {
  return db
    .selectFrom('callbacks')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('phone', '=', phone)
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * Erases the number of these call-backs, keeping the rest for reports; one still open is closed
 * as `erased` (nobody can call a number that is gone). Returns how many were erased.
 */
export async function eraseCallbackPhones(db: Db, ids: string[], at: number): Promise<number> {
  if (ids.length === 0) return 0;
  await db
    .updateTable('callbacks')
    .set({ status: 'closed', closed_at: at, outcome: 'erased' })
    .where('id', 'in', ids)
    .where('status', '=', 'open')
    .execute();
  const result = await db
    .updateTable('callbacks')
    .set({ phone: '', erased_at: at })
    .where('id', 'in', ids)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
