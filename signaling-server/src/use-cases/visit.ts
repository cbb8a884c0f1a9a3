import type { VisitStatus } from '@loket/shared';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { closeTicket } from '../queue/offers.js';
import { loadOfficeStaff, ticketFacts } from '../queue/office-queue.js';
import { ticketView } from '../read-models/views.js';
import type { Db } from '../store/database.js';
import { findKiosk } from '../store/repositories/kiosks.js';
import { findService } from '../store/repositories/offices.js';
import { findActiveTicketByVisitToken } from '../store/repositories/tickets.js';
import type { TicketRow } from '../store/schema.js';

/** How long a phone link lives at most, however long the visit: a forgotten one dies. */
export const VISIT_LINK_TTL_MS = 8 * 60 * 60 * 1000;

/** The visitor is asked back to the kiosk when this many are ahead of them, or fewer. */
const RETURN_AT_POSITION = 1;

/**
 * Whether a ticket's visitor is asked back to the kiosk: they are next (`position` 1), or an
 * officer is taking the ticket. The phone page and the lobby display ask by the same rule.
 */
export function asksToReturn(status: TicketRow['status'], position: number | null): boolean {
  return status !== 'waiting' || (position !== null && position <= RETURN_AT_POSITION);
}

/** The active ticket a phone link names, or NOT_FOUND: unknown, over, or too old. */
async function ticketOfLink(ctx: ServiceContext, db: Db, token: string): Promise<TicketRow> {
  const ticket = await findActiveTicketByVisitToken(db, token);
  if (!ticket || ctx.clock() - ticket.created_at > VISIT_LINK_TTL_MS) {
    throw new LoketError('NOT_FOUND', 'this visit link is not valid now');
  }
  return ticket;
}

/** A visit as the visitor's phone follows it: number, place, wait, and whether to come back now. */
export async function visitStatus(ctx: ServiceContext, token: string): Promise<VisitStatus> {
  const ticket = await ticketOfLink(ctx, ctx.db, token);
  const [service, kiosk] = await Promise.all([
    findService(ctx.db, ticket.office_id, ticket.service_id),
    findKiosk(ctx.db, ticket.kiosk_id),
  ]);
  const facts =
    ticket.status === 'waiting'
      ? await ticketFacts(
          ctx.db,
          ctx.line,
          await loadOfficeStaff(ctx.db, ctx.skills, ticket.office_id),
          ticket,
        )
      : null;
  const view = ticketView(ticket, facts);
  return {
    number: ticket.number,
    service: service
      ? { id: service.name_id, en: service.name_en }
      : { id: ticket.number, en: ticket.number },
    language: ticket.language,
    kioskName: kiosk?.name ?? '',
    position: view.position,
    wait: view.wait,
    returnNow: asksToReturn(ticket.status, view.position),
  };
}

/**
 * The visitor gives up their ticket from their phone: as if at the kiosk, which is told and goes
 * back to its start screen. Audited as the kiosk's, saying it came from the phone link.
 */
export async function cancelVisit(ctx: ServiceContext, token: string): Promise<void> {
  await inTransaction(ctx, async (trx, outbox) => {
    const ticket = await ticketOfLink(ctx, trx, token);
    const cancelled = await closeTicket(ctx, trx, outbox, ticket, 'cancel', ctx.clock());
    outbox.add((n) => n.ticketUpdated(ticket.kiosk_id, ticketView(cancelled, null)));
    await audit(ctx, trx, {
      officeId: ticket.office_id,
      by: { kioskId: ticket.kiosk_id },
      action: 'ticket.cancelled',
      subjectId: ticket.id,
      details: { via: 'visit_link' },
    });
  });
}
