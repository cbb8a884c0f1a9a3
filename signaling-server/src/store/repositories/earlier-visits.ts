import type { Db } from '../database.js';
import type { CallRow, TicketRow } from '../schema.js';
import { ACTIVE_TICKET_STATUSES } from './tickets.js';

/** The newest ticket with this number taken at a kiosk since `since` (the office's day start). */
export function findTicketByNumberAt(
  db: Db,
  kioskId: string,
  number: string,
  since: number,
): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('kiosk_id', '=', kioskId)
    .where('number', '=', number)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/**
 * Counts one more earlier number tried for a ticket, unless it already had `most`; whether it was
 * counted. One statement, so tries sent at once cannot pass the limit together.
 */
export async function countEarlierAttempt(
  db: Db,
  ticketId: string,
  most: number,
): Promise<boolean> {
  const result = await db
    .updateTable('tickets')
    .set((eb) => ({ earlier_attempts: eb('earlier_attempts', '+', 1) }))
    .where('id', '=', ticketId)
    .where('earlier_attempts', '<', most)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Links a ticket to the earlier one its visitor offered, once; whether it was linked now. */
export async function linkEarlierTicketRow(
  db: Db,
  ticketId: string,
  earlierId: string,
  consentedAt: number,
): Promise<boolean> {
  const result = await db
    .updateTable('tickets')
    .set({ earlier_ticket_id: earlierId, earlier_consented_at: consentedAt })
    .where('id', '=', ticketId)
    .where('earlier_ticket_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The last call of a ticket (a transferred visit has several), if it had one. */
export function findLastCallOfTicket(db: Db, ticketId: string): Promise<CallRow | undefined> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
}

/**
 * Erases the links to earlier visits of an office's finished visits that ended before
 * `endedBefore`, as their summaries go; returns how many.
 */
export async function eraseEarlierLinks(
  db: Db,
  officeId: string,
  endedBefore: number,
): Promise<number> {
  const result = await db
    .updateTable('tickets')
    .set({ earlier_ticket_id: null, earlier_consented_at: null })
    .where('office_id', '=', officeId)
    .where('earlier_ticket_id', 'is not', null)
    .where('status', 'not in', ACTIVE_TICKET_STATUSES)
    .where('updated_at', '<', endedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A service's names, whether or not it is still offered. */
export function findServiceNames(
  db: Db,
  serviceId: string,
): Promise<{ name_id: string; name_en: string } | undefined> {
  return db
    .selectFrom('services')
    .select(['name_id', 'name_en'])
    .where('id', '=', serviceId)
    .executeTakeFirst();
}
