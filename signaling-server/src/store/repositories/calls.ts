import type { CallEndReason } from '@loket/shared';
import type { Db } from '../database.js';
import { prepared } from '../prepared.js';
import type { CallRow } from '../schema.js';

/** Stores a new call. */
export async function insertCall(db: Db, call: CallRow): Promise<void> {
  await db.insertInto('calls').values(call).execute();
}

/** A call, ended or not. */
export function findCall(db: Db, id: string): Promise<CallRow | undefined> {
  return db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A call that has not ended, if any. */
export function findActiveCall(db: Db, id: string): Promise<CallRow | undefined> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** The call a ticket is in now, if any. */
export function findActiveCallOfTicket(db: Db, ticketId: string): Promise<CallRow | undefined> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** The call a kiosk or an agent is in now, if any. */
export async function findActiveCallOf(
  db: Db,
  party: { kioskId: string } | { agentId: string },
): Promise<CallRow | undefined> {
  return (await findActiveCallOfQuery(db, party)).rows[0];
}

// Every kiosk's bootstrap asks this, so it is compiled once for each kind of party.
const findActiveCallOfQuery = prepared(
  (db: Db, party: { kioskId: string } | { agentId: string }) => {
    const query = db.selectFrom('calls').selectAll().where('ended_at', 'is', null);
    return 'kioskId' in party
      ? query.where('kiosk_id', '=', party.kioskId)
      : query.where('agent_id', '=', party.agentId);
  },
);

/** Ends a call once; returns false when it had already ended. */
export async function endCall(
  db: Db,
  id: string,
  at: number,
  reason: CallEndReason,
): Promise<boolean> {
  const result = await db
    .updateTable('calls')
    .set({ ended_at: at, end_reason: reason })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** An answered ticket: when its call started and when the ticket was taken. */
export interface Answer {
  /** The ticket's id: a transferred visitor is answered more than once. */
  id: string;
  started_at: number;
  created_at: number;
}

/** Calls of an office started since `since`, with the creation time of their ticket. */
export function listAnswersSince(db: Db, officeId: string, since: number): Promise<Answer[]> {
  return db
    .selectFrom('calls')
    .innerJoin('tickets', 'tickets.id', 'calls.ticket_id')
    .select(['calls.started_at', 'tickets.created_at', 'tickets.id'])
    .where('calls.office_id', '=', officeId)
    .where('calls.started_at', '>=', since)
    .execute();
}

/** The officer of the last call a ticket had, if it had one. */
export async function findLastAgentOfTicket(db: Db, ticketId: string): Promise<string | null> {
  const call = await db
    .selectFrom('calls')
    .select('agent_id')
    .where('ticket_id', '=', ticketId)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  return call?.agent_id ?? null;
}

/** The most recent call of a ticket taken by this agent, if any. */
export function findAgentCallOfTicket(
  db: Db,
  ticketId: string,
  agentId: string,
): Promise<CallRow | undefined> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('agent_id', '=', agentId)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
}

/** An agent's most recent call that has ended, if any. */
export function findLastEndedCall(db: Db, agentId: string): Promise<CallRow | undefined> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('agent_id', '=', agentId)
    .where('ended_at', 'is not', null)
    .orderBy('ended_at', 'desc')
    .executeTakeFirst();
}

/** Keeps what the officer recorded of a call; a field left out stays as it was. */
export async function setCallRecord(
  db: Db,
  callId: string,
  record: { notes?: string | null; disposition?: string },
): Promise<void> {
  await db.updateTable('calls').set(record).where('id', '=', callId).execute();
}

/** Calls of an office whose notes are still kept and that ended before `endedBefore`. */
export async function listKeptCallNotes(
  db: Db,
  officeId: string,
  endedBefore: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('calls')
    .select('id')
    .where('office_id', '=', officeId)
    .where('notes', 'is not', null)
    .where('ended_at', '<', endedBefore)
    .execute();
  return rows.map((row) => row.id);
}

/** Erases the officers' notes on these calls; returns how many. */
export async function eraseCallNotes(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('calls')
    .set({ notes: null })
    .where('id', 'in', ids)
    .where('notes', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Which of these outcomes calls of the office were closed with. */
export async function dispositionsInUse(
  db: Db,
  officeId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('calls')
    .select('disposition')
    .distinct()
    .where('office_id', '=', officeId)
    .where('disposition', 'in', ids)
    .execute();
  return rows.flatMap((row) => (row.disposition === null ? [] : [row.disposition]));
}
