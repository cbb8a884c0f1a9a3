import { EARLIER_VISITS_MAX, type EarlierTicket, type EarlierVisits } from '@loket/shared';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { dayStart } from '../core/report-periods.js';
import { serviceDay } from '../core/ticket-number.js';
import type { Db } from '../store/database.js';
import { findAgentCallOfTicket } from '../store/repositories/calls.js';
import {
  findLastCallOfTicket,
  findLastServedTicketAt,
  findServiceNames,
} from '../store/repositories/earlier-visits.js';
import { findOffice } from '../store/repositories/offices.js';
import { findTicket } from '../store/repositories/tickets.js';
import type { TicketRow } from '../store/schema.js';
import type { KioskActor } from './kiosk.js';

/** An officer as their use cases know them. */
interface OfficeUser {
  userId: string;
  officeId: string;
}

/** The ticket last served at this kiosk since the start of the office's day, if any. */
async function lastServedToday(db: Db, now: number, kiosk: KioskActor) {
  const office = await findOffice(db, kiosk.officeId);
  if (!office) throw new LoketError('NOT_FOUND', 'office of this kiosk is gone');
  const since = dayStart(serviceDay(now, office.time_zone), office.time_zone);
  return findLastServedTicketAt(db, kiosk.kioskId, since);
}

/**
 * The ticket last served at this kiosk today, which the kiosk asks the next visitor about. Only
 * its number is shown; what came of it is told to an officer, and only once the visitor says yes.
 */
export async function earlierTicketAt(
  ctx: ServiceContext,
  kiosk: KioskActor,
): Promise<EarlierTicket> {
  const ticket = await lastServedToday(ctx.db, ctx.clock(), kiosk);
  return { earlier: ticket ? { ticketId: ticket.id, number: ticket.number } : null };
}

/**
 * The earlier ticket a new one may be linked to: only the one the kiosk asked about, the last
 * served there today. Anything else is refused, so a kiosk cannot reach other visits.
 */
export async function earlierTicketToLink(
  db: Db,
  now: number,
  kiosk: KioskActor,
  ticketId: string,
): Promise<string> {
  const last = await lastServedToday(db, now, kiosk);
  if (last?.id !== ticketId) {
    throw new LoketError('NOT_FOUND', 'no such visit at this kiosk today');
  }
  return last.id;
}

/** May this officer see the visitor of this ticket: it is offered to them, or they served it. */
async function servedBy(db: Db, ticket: TicketRow, agent: OfficeUser): Promise<boolean> {
  if (ticket.status === 'offered' && ticket.offered_agent_id === agent.userId) return true;
  return (await findAgentCallOfTicket(db, ticket.id, agent.userId)) !== undefined;
}

/**
 * The visitor's earlier visits today at the same kiosk, newest first, for the officer the ticket
 * is offered to or who serves it: each visit's number, service, time, outcome and notes. Empty
 * unless the visitor said the earlier ticket was theirs.
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
