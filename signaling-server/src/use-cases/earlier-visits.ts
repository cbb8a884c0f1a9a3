import {
  EARLIER_TICKET_ATTEMPTS,
  EARLIER_VISITS_MAX,
  TERMINAL_TICKET_STATUSES,
  type EarlierVisits,
  type LinkEarlierTicket,
} from '@loket/shared';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { dayStart } from '../core/report-periods.js';
import { formatTicketNumber, serviceDay } from '../core/ticket-number.js';
import type { Db } from '../store/database.js';
import { findActiveCallOfTicket, findAgentCallOfTicket } from '../store/repositories/calls.js';
import {
  countEarlierAttempt,
  findLastCallOfTicket,
  findServiceNames,
  findTicketByNumberAt,
  linkEarlierTicketRow,
} from '../store/repositories/earlier-visits.js';
import { findOffice } from '../store/repositories/offices.js';
import { ACTIVE_TICKET_STATUSES, findTicket } from '../store/repositories/tickets.js';
import type { TicketRow } from '../store/schema.js';
import type { KioskActor } from './kiosk.js';

/** An officer as their use cases know them. */
interface OfficeUser {
  userId: string;
  officeId: string;
}

/** The number as printed (`A-003`) from what the visitor typed (`a3`, `A003`, `A-003`). */
function printedNumber(typed: string): string {
  const [, letters = '', digits = '0'] = /^([A-Z]+)-?(\d+)$/.exec(typed) ?? [];
  return formatTicketNumber(letters, Number(digits));
}

/**
 * Links the visitor's current ticket to the earlier one they offered by its number, with their
 * consent that the officer sees what came of it. Only a ticket taken today (the office's day) at
 * this same kiosk that has ended is linked; any other number is NOT_FOUND alike, so the kiosk
 * learns nothing of other visits, and after a few tries it is RATE_LIMITED.
 */
export async function linkEarlierTicket(
  ctx: ServiceContext,
  kiosk: KioskActor,
  input: LinkEarlierTicket,
): Promise<null> {
  const now = ctx.clock();
  const ticket = await findTicket(ctx.db, input.ticketId);
  if (!ticket || ticket.kiosk_id !== kiosk.kioskId) {
    throw new LoketError('NOT_FOUND', 'no such ticket at this kiosk');
  }
  if (!ACTIVE_TICKET_STATUSES.includes(ticket.status) || ticket.earlier_ticket_id) {
    throw new LoketError('INVALID_STATE', 'only a live ticket without a link takes one');
  }
  const number = printedNumber(input.number);
  if (number === ticket.number) {
    throw new LoketError('BAD_REQUEST', 'this is the current ticket, not an earlier one');
  }
  if (!(await countEarlierAttempt(ctx.db, ticket.id, EARLIER_TICKET_ATTEMPTS))) {
    throw new LoketError('RATE_LIMITED', 'too many earlier numbers tried for this ticket');
  }
  const office = await findOffice(ctx.db, kiosk.officeId);
  if (!office) throw new LoketError('NOT_FOUND', 'office of this kiosk is gone');
  const since = dayStart(serviceDay(now, office.time_zone), office.time_zone);
  const earlier = await findTicketByNumberAt(ctx.db, kiosk.kioskId, number, since);
  if (!earlier || earlier.id === ticket.id || !TERMINAL_TICKET_STATUSES.includes(earlier.status)) {
    throw new LoketError('NOT_FOUND', 'no ended visit with this number at this kiosk today');
  }
  await inTransaction(ctx, async (trx, outbox) => {
    if (!(await linkEarlierTicketRow(trx, ticket.id, earlier.id, now))) {
      throw new LoketError('INVALID_STATE', 'this ticket was linked meanwhile');
    }
    // An officer already ringing with this visitor (or serving them) sees the visit at once.
    const officer = await officerOf(trx, ticket.id);
    if (officer) outbox.add((n) => n.earlierLinked(officer, ticket.id));
    await audit(ctx, trx, {
      officeId: ticket.office_id,
      by: kiosk,
      action: 'ticket.earlierLinked',
      subjectId: ticket.id,
      details: { earlierTicketId: earlier.id },
    });
  });
  return null;
}

/** The officer the ticket is offered to now, or who serves it in a call now; null for neither. */
async function officerOf(db: Db, ticketId: string): Promise<string | null> {
  const ticket = await findTicket(db, ticketId);
  if (ticket?.status === 'offered') return ticket.offered_agent_id;
  return (await findActiveCallOfTicket(db, ticketId))?.agent_id ?? null;
}

/** May this officer see the visitor of this ticket: it is offered to them, or they served it. */
async function servedBy(db: Db, ticket: TicketRow, agent: OfficeUser): Promise<boolean> {
  if (ticket.status === 'offered' && ticket.offered_agent_id === agent.userId) return true;
  return (await findAgentCallOfTicket(db, ticket.id, agent.userId)) !== undefined;
}

/**
 * The visitor's earlier visits today at the same kiosk, newest first, for the officer the ticket
 * is offered to or who serves it: each visit's number, service, time, outcome and notes. Empty
 * unless the visitor offered an earlier ticket of theirs.
 */
export async function earlierVisitsOf(
  ctx: ServiceContext,
  agent: OfficeUser,
  input: { ticketId: string },
): Promise<EarlierVisits> {
  const ticket = await findTicket(ctx.db, input.ticketId);
  if (!ticket || ticket.office_id !== agent.officeId) {
    throw new LoketError('NOT_FOUND', 'no such ticket here');
  }
  if (!(await servedBy(ctx.db, ticket, agent))) {
    throw new LoketError('FORBIDDEN', 'only the officer offered or serving this visit sees it');
  }
  const visits: EarlierVisits['visits'] = [];
  let next = ticket.earlier_ticket_id;
  while (next && visits.length < EARLIER_VISITS_MAX) {
    const earlier = await findTicket(ctx.db, next);
    if (!earlier) break;
    const [call, service] = await Promise.all([
      findLastCallOfTicket(ctx.db, earlier.id),
      findServiceNames(ctx.db, earlier.service_id),
    ]);
    visits.push({
      ticketId: earlier.id,
      ticketNumber: earlier.number,
      service: {
        id: service?.name_id ?? earlier.service_id,
        en: service?.name_en ?? earlier.service_id,
      },
      at: call?.started_at ?? earlier.created_at,
      disposition: call?.disposition ?? null,
      notes: call?.notes ?? null,
    });
    next = earlier.earlier_ticket_id;
  }
  return { visits };
}
