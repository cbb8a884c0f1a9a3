import type { CallEndReason } from '@loket/shared';
import type { Db } from '../database.js';
import type { CallRow } from '../schema.js';

/** Stores a new call. */
export async function insertCall(db: Db, call: CallRow): Promise<void> {
  await db.insertInto('calls').values(call).execute();
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
export function findActiveCallOf(
  db: Db,
  party: { kioskId: string } | { agentId: string },
): Promise<CallRow | undefined> {
  const query = db.selectFrom('calls').selectAll().where('ended_at', 'is', null);
  return (
    'kioskId' in party
      ? query.where('kiosk_id', '=', party.kioskId)
      : query.where('agent_id', '=', party.agentId)
  ).executeTakeFirst();
}

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

/** The ticket of an agent's most recent call that has ended, if any. */
export async function findLastEndedCallTicket(db: Db, agentId: string): Promise<string | null> {
  const call = await db
    .selectFrom('calls')
    .select('ticket_id')
    .where('agent_id', '=', agentId)
    .where('ended_at', 'is not', null)
    .orderBy('ended_at', 'desc')
    .executeTakeFirst();
  return call?.ticket_id ?? null;
}
