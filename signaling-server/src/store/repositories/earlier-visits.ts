import type { Db } from '../database.js';
import type { CallRow, TicketRow } from '../schema.js';
import { ACTIVE_TICKET_STATUSES } from './tickets.js';

/** The ticket last served at a kiosk since `since` (the start of the office's day), if any. */
export function findLastServedTicketAt(
  db: Db,
  kioskId: string,
  since: number,
): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('kiosk_id', '=', kioskId)
    .where('status', '=', 'done')
    .where('created_at', '>=', since)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
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
    .set({ earlier_ticket_id: null })
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
