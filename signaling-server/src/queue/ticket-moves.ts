import { LoketError } from '../context/errors.js';
import type { Outbox } from '../context/outbox.js';
import type { Db } from '../store/database.js';
import {
  ACTIVE_TICKET_STATUSES,
  moveTicket,
  type TicketChange,
} from '../store/repositories/tickets.js';
import type { TicketRow } from '../store/schema.js';

/**
 * Changes a ticket read in this transaction, if it is still in the state it was read in: a
 * concurrent change (another instance, a cancel racing an accept) wins, and this transaction is
 * refused with `lost` and rolled back. Answers the ticket as it now is. The office's dashboards
 * hear of it; a ticket that joins or leaves the waiting line, or changes while in it, also has
 * the line matched again (an accepted or ended call changes nothing a match could use).
 */
export async function changeTicket(
  trx: Db,
  outbox: Outbox,
  ticket: TicketRow,
  change: TicketChange,
  lost = new LoketError('INVALID_STATE', 'ticket changed meanwhile'),
): Promise<TicketRow> {
  const written = await moveTicket(trx, ticket.id, ticket.status, change);
  if (!written) throw lost;
  // The ticket may have been read before another transaction changed it without moving it (on
  // PostgreSQL the update then waits for that one and writes over its row): what the line is
  // told, here and on every instance sharing it, is the row as written.
  const moved = { ...ticket, ...change, ...written };
  // A ticket that ends frees its kiosk.
  if (change.status && !ACTIVE_TICKET_STATUSES.includes(change.status)) {
    outbox.add((n) => n.kioskChanged(ticket.office_id, ticket.kiosk_id));
  }
  if (ticket.status === 'waiting' || change.status === 'waiting') {
    outbox.lineChanged(moved);
    outbox.queueChanged(ticket.office_id);
  } else {
    outbox.figuresChanged(ticket.office_id);
  }
  return moved;
}
