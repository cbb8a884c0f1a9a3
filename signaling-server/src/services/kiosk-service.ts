import type { CancelTicket, CreateTicket, KioskBootstrap, TicketResult } from '@loket/shared';
import { formatTicketNumber, serviceDay } from '../core/ticket-number.js';
import { ticketTransition } from '../core/ticket-machine.js';
import { findActiveCallOf } from '../store/repositories/calls.js';
import { findUser } from '../store/repositories/users.js';
import { findOffice, findService, listServices } from '../store/repositories/offices.js';
import {
  findActiveTicketForKiosk,
  findTicket,
  findTicketByClientId,
  insertTicket,
  moveTicket,
  nextTicketCount,
  positionOf,
} from '../store/repositories/tickets.js';
import { audit } from '../store/repositories/audit.js';
import type { Db } from '../store/database.js';
import type { TicketRow } from '../store/schema.js';
import type { ServiceContext } from './context.js';
import { LoketError } from './errors.js';
import { withdrawOffer } from './offers.js';
import { inTransaction } from './transaction.js';
import { callStart, serviceView, ticketView } from './views.js';

/** A kiosk as it acts: enrolled, in an office. */
export interface KioskActor {
  kioskId: string;
  officeId: string;
}

async function viewOf(db: Db, ticket: TicketRow) {
  return ticketView(ticket, ticket.status === 'waiting' ? await positionOf(db, ticket) : null);
}

/** What a kiosk needs on (re)connect: its office, services, and any ticket or call it holds. */
export async function bootstrapKiosk(
  ctx: ServiceContext,
  kiosk: KioskActor,
): Promise<KioskBootstrap> {
  const { db } = ctx;
  const office = await findOffice(db, kiosk.officeId);
  if (!office) throw new LoketError('NOT_FOUND', 'office of this kiosk is gone');
  const services = await listServices(db, kiosk.officeId);
  const ticket = await findActiveTicketForKiosk(db, kiosk.kioskId);
  const call = await findActiveCallOf(db, { kioskId: kiosk.kioskId });
  let start = null;
  if (call && ticket && call.ticket_id === ticket.id) {
    const agent = await findUser(db, call.agent_id);
    start = callStart(call, ticket, 'kiosk', agent?.display_name ?? '', ctx.settings.iceServers);
  }
  return {
    kioskId: kiosk.kioskId,
    office: { id: office.id, name: { id: office.name_id, en: office.name_en } },
    services: services.map(serviceView),
    ticket: ticket ? await viewOf(db, ticket) : null,
    call: start,
  };
}

/**
 * A visitor takes a ticket. Repeating a request with the same client id answers the same ticket;
 * a kiosk serves one visitor at a time, so a second ticket while one is active is refused.
 */
export async function createTicket(
  ctx: ServiceContext,
  kiosk: KioskActor,
  input: CreateTicket,
): Promise<TicketResult> {
  const result = await inTransaction(ctx, async (trx, outbox) => {
    const existing = await findTicketByClientId(trx, kiosk.kioskId, input.clientId);
    if (existing) return { ticket: await viewOf(trx, existing), created: false };
    const active = await findActiveTicketForKiosk(trx, kiosk.kioskId);
    if (active) throw new LoketError('INVALID_STATE', `kiosk already holds ticket ${active.id}`);
    const service = await findService(trx, kiosk.officeId, input.serviceId);
    if (!service) throw new LoketError('NOT_FOUND', `no service ${input.serviceId} here`);
    const office = await findOffice(trx, kiosk.officeId);
    if (!office) throw new LoketError('NOT_FOUND', 'office of this kiosk is gone');
    const now = ctx.clock();
    const count = await nextTicketCount(trx, service.id, serviceDay(now, office.time_zone));
    const ticket: TicketRow = {
      id: ctx.ids(),
      office_id: kiosk.officeId,
      service_id: service.id,
      kiosk_id: kiosk.kioskId,
      client_id: input.clientId,
      number: formatTicketNumber(service.letter, count),
      language: input.language,
      status: 'waiting',
      created_at: now,
      queued_at: now,
      updated_at: now,
      offered_agent_id: null,
      offer_expires_at: null,
    };
    await insertTicket(trx, ticket);
    await audit(trx, {
      id: ctx.ids(),
      at: now,
      office_id: kiosk.officeId,
      actor_type: 'kiosk',
      actor_id: kiosk.kioskId,
      action: 'ticket.created',
      subject_id: ticket.id,
      details: { number: ticket.number, serviceId: service.id, language: ticket.language },
    });
    outbox.add((n) => n.queueChanged(kiosk.officeId));
    return { ticket: await viewOf(trx, ticket), created: true };
  });
  if (result.created) ctx.requestDispatch(kiosk.officeId);
  return { ticket: result.ticket };
}

/** A visitor gives up their ticket while it waits or rings; an offer on it is withdrawn. */
export async function cancelTicket(
  ctx: ServiceContext,
  kiosk: KioskActor,
  input: CancelTicket,
): Promise<TicketResult> {
  const ticket = await inTransaction(ctx, async (trx, outbox) => {
    const ticket = await findTicket(trx, input.ticketId);
    if (!ticket || ticket.kiosk_id !== kiosk.kioskId) {
      throw new LoketError('NOT_FOUND', 'no such ticket at this kiosk');
    }
    const move = ticketTransition(ticket.status, 'cancel');
    if (!move.ok)
      throw new LoketError('INVALID_STATE', `a ${ticket.status} ticket cannot be cancelled`);
    const now = ctx.clock();
    if (ticket.status === 'offered' && ticket.offered_agent_id) {
      await withdrawOffer(ctx, trx, outbox, ticket.offered_agent_id, ticket.id, now);
    }
    const change = {
      status: move.next,
      updated_at: now,
      offered_agent_id: null,
      offer_expires_at: null,
    };
    if (!(await moveTicket(trx, ticket.id, ticket.status, change))) {
      throw new LoketError('INVALID_STATE', 'ticket changed meanwhile');
    }
    await audit(trx, {
      id: ctx.ids(),
      at: now,
      office_id: ticket.office_id,
      actor_type: 'kiosk',
      actor_id: kiosk.kioskId,
      action: 'ticket.cancelled',
      subject_id: ticket.id,
    });
    const updated = { ...ticket, ...change };
    outbox.add((n) => n.queueChanged(ticket.office_id));
    return updated;
  });
  ctx.requestDispatch(kiosk.officeId);
  return { ticket: ticketView(ticket, null) };
}
