import type { Db } from '../database.js';
import { prepared } from '../prepared.js';
import type { TimerKind, TimerRow } from '../schema.js';
import { writtenLimit } from '../written-limit.js';

/** Sets (or moves) the one timer of a kind for a subject. */
export async function setTimer(db: Db, timer: TimerRow): Promise<void> {
  await db
    .insertInto('timers')
    .values(timer)
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet({ due_at: timer.due_at }))
    .execute();
}

/** Rows written in one statement: well under SQLite's and PostgreSQL's limits on parameters. */
const TIMERS_PER_STATEMENT = 500;

/**
 * Sets the timer of a kind for each subject, unless one is set already, a few hundred to a
 * statement: after a restart every kiosk holding a ticket gets one before the server listens.
 */
export async function addTimers(db: Db, timers: readonly TimerRow[]): Promise<void> {
  for (let i = 0; i < timers.length; i += TIMERS_PER_STATEMENT) {
    await db
      .insertInto('timers')
      .values(timers.slice(i, i + TIMERS_PER_STATEMENT))
      .onConflict((oc) => oc.columns(['kind', 'ref_id']).doNothing())
      .execute();
  }
}

/** Drops the timer of a kind for a subject, if set. */
export async function clearTimer(db: Db, kind: TimerKind, refId: string): Promise<void> {
  await clearTimerQuery(db, kind, refId);
}

// Every kiosk and console connection clears its grace, so these are compiled once.
const clearTimerQuery = prepared((db: Db, kind: TimerKind, refId: string) =>
  db.deleteFrom('timers').where('kind', '=', kind).where('ref_id', '=', refId),
);
const clearTimersQuery = prepared((db: Db, kind: TimerKind, refIds: readonly string[]) =>
  db.deleteFrom('timers').where('kind', '=', kind).where('ref_id', 'in', refIds),
);

/** Drops the timers of a kind for several subjects, if set, in one statement. */
export async function clearTimers(db: Db, kind: TimerKind, refIds: readonly string[]) {
  if (refIds.length > 0) await clearTimersQuery(db, kind, refIds);
}

/** Drops the media-grace timers of a call that is over (their subjects start with its id). */
export async function clearMediaGrace(db: Db, callId: string): Promise<void> {
  await db
    .deleteFrom('timers')
    .where('kind', '=', 'media_grace')
    .where('ref_id', 'like', `${callId}/%`)
    .execute();
}

/** Timers due by `now`, oldest first. */
export function listDueTimers(db: Db, now: number, limit = 100): Promise<TimerRow[]> {
  return db
    .selectFrom('timers')
    .selectAll()
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(writtenLimit(limit))
    .execute();
}

/** Whether a timer is still set (not cleared or taken since it was listed). */
export async function timerIsSet(db: Db, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('timers').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined
  );
}

/** Takes a due timer; false when it was taken or cleared first. */
export async function takeTimer(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('timers').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** Whom the office's timers of one kind are about (e.g. agents within their reconnect grace). */
export async function listTimerRefs(db: Db, officeId: string, kind: TimerKind): Promise<string[]> {
  const rows = await db
    .selectFrom('timers')
    .select('ref_id')
    .where('office_id', '=', officeId)
    .where('kind', '=', kind)
    .execute();
  return rows.map((row) => row.ref_id);
}
