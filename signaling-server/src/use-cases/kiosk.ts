import {
  givesPriority,
  knownNeeds,
  type Availability,
  type AvailabilityQuery,
  type CallbackResult,
  type CancelTicket,
  type CreateTicket,
  type KioskBootstrap,
  type RequestCallback,
  type TicketResult,
  type TicketView,
} from '@loket/shared';
import type { z } from 'zod';
import { retentionOf } from '../core/retention.js';
import { formatTicketNumber, serviceDay } from '../core/ticket-number.js';
import { newToken } from '../auth/tokens.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { availability } from '../queue/availability.js';
import { kioskParticipant } from '../queue/kiosk-media.js';
import { ensureInService } from './kiosk-care.js';
import { closeTicket } from '../queue/offers.js';
import {
  factsFromAhead,
  loadOfficeStaff,
  loadSkilledAgents,
  serviceSkillsOf,
  ticketFacts,
  type OfficeStaff,
} from '../queue/office-queue.js';
import { officeCatalogue } from './office-catalogue.js';
import { callStart, ticketView } from '../read-models/views.js';
import type { Db } from '../store/database.js';
import { runningRead, sharedRead } from '../store/shared-read.js';
import { findCallbackByClientId, insertCallback } from '../store/repositories/callbacks.js';
import { findActiveCallOf } from '../store/repositories/calls.js';
import { findKioskStanding, type KioskStanding } from '../store/repositories/kiosks.js';
import { findOffice, findService } from '../store/repositories/offices.js';
import {
  findActiveTicketForKiosk,
  findTicket,
  findTicketByClientId,
  findTicketWithLine,
  insertTicket,
  lockActiveTicketForKiosk,
  nextTicketCount,
} from '../store/repositories/tickets.js';
import { findUser } from '../store/repositories/users.js';
import { listTimerRefs } from '../store/repositories/timers.js';
import type { TicketRow } from '../store/schema.js';

/** A kiosk as it acts: enrolled, in an office. */
export interface KioskActor {
  kioskId: string;
  officeId: string;
}

async function viewOf(ctx: ServiceContext, db: Db, ticket: TicketRow, staff?: OfficeStaff) {
  if (ticket.status !== 'waiting') return ticketView(ticket, null);
  const known = staff ?? (await loadOfficeStaff(db, ctx.skills, ticket.office_id));
  return ticketView(ticket, await ticketFacts(db, ctx.line, known, ticket));
}

/** A kiosk's bootstrap but for the credential its connection hands over. */
type KioskState = Omit<KioskBootstrap, 'credential'>;

/**
 * A kiosk's waiting ticket as its bootstrap answers it, without a transaction: one statement
 * reads the ticket, holding it as the transaction below does while it runs, and its office's line
 * version, and the line held in memory at that version counts the tickets ahead. Null for no
 * active ticket; undefined, for the transaction to answer, when the ticket no longer waits, a
 * change to it committed while the statement ran, or the line held is at another version.
 */
async function waitingTicketOf(
  ctx: ServiceContext,
  kiosk: KioskActor,
  staff: OfficeStaff,
): Promise<TicketView | null | undefined> {
  const held = await findTicketWithLine(ctx.db, kiosk.kioskId);
  if (!held) return null;
  if (held.ticket.status !== 'waiting' || !held.sameMoment) return undefined;
  const ahead = await ctx.line.aheadAt(held.ticket, held.lineVersion);
  return ahead && ticketView(held.ticket, factsFromAhead(ahead, staff, held.ticket));
}

/**
 * What a kiosk needs on (re)connect: its office, services, whether it serves, and any ticket or
 * call it holds. `written` is the standing its connection's write read, once the kiosk
 * had joined its rooms: every change since was sent to it. Without one it is read here.
 */
export async function bootstrapKiosk(
  ctx: ServiceContext,
  kiosk: KioskActor,
  written: { standing: KioskStanding | undefined } | null = null,
): Promise<KioskState> {
  // A waiting ticket's place and wait are worked out from the office's officers, read outside
  // the transaction and shared: after a restart the whole office asks at once, and one read then
  // answers every bootstrap asking while it runs. A read already running is joined at once.
  const staffKey = `staff ${kiosk.officeId}`;
  const running = runningRead<OfficeStaff>(ctx.db, staffKey);
  // One read says whether the kiosk serves, whether it holds a ticket, and whether the office's
  // catalogue (the same for every kiosk of the office) kept in memory is current.
  const standing = written ? written.standing : await findKioskStanding(ctx.db, kiosk.kioskId);
  const catalogue = await officeCatalogue(
    ctx.db,
    kiosk.officeId,
    standing?.catalogue_version ?? undefined,
  );
  if (!catalogue) throw new LoketError('NOT_FOUND', 'office of this kiosk is gone');
  const answer: KioskState = {
    kioskId: kiosk.kioskId,
    office: catalogue.office,
    services: catalogue.services,
    ticket: null,
    call: null,
    inService: standing?.out_of_service_at === null,
    speechLeavesOffice: ctx.settings.captionProviders.includes('browser'),
  };
  // Most kiosks serve nobody most of the time: they have nothing more to read.
  if (!standing?.ticket_status) return answer;
  const staff =
    standing.ticket_status === 'waiting'
      ? await (running ??
          sharedRead(ctx.db, staffKey, () => loadOfficeStaff(ctx.db, ctx.skills, kiosk.officeId)))
      : undefined;
  if (staff) {
    const waiting = await waitingTicketOf(ctx, kiosk, staff);
    if (waiting !== undefined) return { ...answer, ticket: waiting };
  }
  // One transaction holding the kiosk's ticket: a change to it (an offer, a call, a cancel)
  // commits either before these reads, its events sent before this answer, or after the answer.
  return ctx.db.transaction().execute(async (db) => {
    const ticket = await lockActiveTicketForKiosk(db, kiosk.kioskId);
    // A call starts and ends with its ticket's move into and out of `in_call`: a kiosk whose
    // ticket waits has none to look for.
    const call =
      ticket?.status === 'in_call'
        ? await findActiveCallOf(db, { kioskId: kiosk.kioskId })
        : undefined;
    let start = null;
    if (call && ticket && call.ticket_id === ticket.id) {
      const agent = await findUser(db, call.agent_id);
      const media = await ctx.media.join(
        call.id,
        await kioskParticipant(db, kiosk.kioskId, ticket.number),
      );
      start = callStart(call, ticket, 'kiosk', agent?.display_name ?? '', media);
    }
    // A ticket that came to wait since the read above has its officers read here.
    return { ...answer, ticket: ticket ? await viewOf(ctx, db, ticket, staff) : null, call: start };
  });
}

/**
 * A visitor takes a ticket. Repeating a request with the same client id answers the same ticket;
 * a kiosk serves one visitor at a time, so a second ticket while one is active is refused.
 */
export async function createTicket(
  ctx: ServiceContext,
  kiosk: KioskActor,
  input: z.output<typeof CreateTicket>,
): Promise<TicketResult> {
  return inTransaction(ctx, async (trx, outbox) => {
    const existing = await findTicketByClientId(trx, kiosk.kioskId, input.clientId);
    if (existing) return { ticket: await viewOf(ctx, trx, existing) };
    // A kiosk holds one ticket at a time. One that asks again (its earlier request timed out
    // while the server was slow, and the ticket was made after all) gets the ticket it holds.
    const active = await findActiveTicketForKiosk(trx, kiosk.kioskId);
    if (active) return { ticket: await viewOf(ctx, trx, active) };
    await ensureInService(trx, kiosk.kioskId);
    // Past capacity a new visitor is told so at once, rather than joining a queue that is no
    // longer moving for anyone; a visitor who already holds a ticket still gets it back above.
    const retryAt = ctx.admission.refusal(ctx.clock());
    if (retryAt !== null) throw new LoketError('BUSY', 'too busy to take a ticket now', retryAt);
    // One read of the office's agents and services serves the availability check and the new
    // ticket's place; the queue itself is only counted.
    const queue = await loadOfficeStaff(trx, ctx.skills, kiosk.officeId);
    const service = queue.services.get(input.serviceId);
    if (!service) throw new LoketError('NOT_FOUND', `no service ${input.serviceId} here`);
    const office = await findOffice(trx, kiosk.officeId);
    if (!office) throw new LoketError('NOT_FOUND', 'office of this kiosk is gone');
    const now = ctx.clock();
    const open = availability(
      office,
      { ...input, serviceSkills: serviceSkillsOf(service) },
      now,
      queue.agents,
    );
    if (open.reason === 'outside_hours') {
      throw new LoketError('OUTSIDE_HOURS', 'the office is closed now', open.nextOpening);
    }
    if (open.reason === 'no_agent') {
      throw new LoketError('NO_AGENT_AVAILABLE', 'nobody who could serve this is signed in');
    }
    const needs = knownNeeds(input.needs);
    const unnumbered: Omit<TicketRow, 'number'> = {
      id: ctx.ids(),
      office_id: kiosk.officeId,
      service_id: service.id,
      kiosk_id: kiosk.kioskId,
      client_id: input.clientId,
      language: input.language,
      status: 'waiting',
      needs: needs.join(','),
      priority: givesPriority(needs) ? 'priority' : 'normal',
      assigned_agent_id: null,
      created_at: now,
      // A kiosk asks for a ticket only once the visitor has agreed to its consent screen.
      consented_at: now,
      queued_at: now,
      updated_at: now,
      offered_agent_id: null,
      offer_expires_at: null,
      visit_token: newToken(),
      summary_token: newToken(),
      visitor_note: null,
      earlier_ticket_id: null,
      earlier_consented_at: null,
      earlier_attempts: 0,
    };
    // The new ticket's place, read before it is numbered: the tickets ahead of it are the same
    // either side of its insert.
    const facts = await ticketFacts(trx, ctx.line, queue, unnumbered);
    // The service's counter row is taken after every read, just before the ticket's own rows are
    // written: every new ticket of the service, on any instance, waits for it until this commits.
    const count = await nextTicketCount(trx, service.id, serviceDay(now, office.time_zone));
    const ticket = { ...unnumbered, number: formatTicketNumber(service.letter, count) };
    await insertTicket(trx, ticket);
    outbox.lineChanged(ticket);
    outbox.add((n) => n.kioskChanged(kiosk.officeId, kiosk.kioskId));
    await audit(ctx, trx, {
      officeId: kiosk.officeId,
      by: kiosk,
      action: 'ticket.created',
      subjectId: ticket.id,
      details: {
        number: ticket.number,
        serviceId: service.id,
        language: ticket.language,
        // Priority is decided by the visitor's declared needs; recorded with the reason.
        priority: ticket.priority,
        needs,
      },
    });
    outbox.queueChanged(kiosk.officeId);
    return { ticket: ticketView(ticket, facts) };
  });
}

/** A visitor gives up their ticket while it waits or rings; an offer on it is withdrawn. */
export async function cancelTicket(
  ctx: ServiceContext,
  kiosk: KioskActor,
  input: CancelTicket,
): Promise<TicketResult> {
  return inTransaction(ctx, async (trx, outbox) => {
    const ticket = await findTicket(trx, input.ticketId);
    if (!ticket || ticket.kiosk_id !== kiosk.kioskId) {
      throw new LoketError('NOT_FOUND', 'no such ticket at this kiosk');
    }
    const cancelled = await closeTicket(ctx, trx, outbox, ticket, 'cancel', ctx.clock());
    await audit(ctx, trx, {
      officeId: ticket.office_id,
      by: kiosk,
      action: 'ticket.cancelled',
      subjectId: ticket.id,
    });
    return { ticket: ticketView(cancelled, null) };
  });
}

/** Whether a service can take a ticket now, asked when the visitor picks it. */
export async function checkAvailability(
  ctx: ServiceContext,
  kiosk: KioskActor,
  input: z.output<typeof AvailabilityQuery>,
): Promise<Availability> {
  const office = await findOffice(ctx.db, kiosk.officeId);
  if (!office) throw new LoketError('NOT_FOUND', 'office of this kiosk is gone');
  const service = await findService(ctx.db, kiosk.officeId, input.serviceId);
  if (!service) throw new LoketError('NOT_FOUND', `no service ${input.serviceId} here`);
  const agents = await loadSkilledAgents(ctx.db, ctx.skills, kiosk.officeId);
  const absent = new Set(await listTimerRefs(ctx.db, kiosk.officeId, 'agent_grace'));
  const request = { ...input, serviceSkills: serviceSkillsOf(service) };
  return availability(office, request, ctx.clock(), agents, absent);
}

/**
 * A visitor who cannot be served now leaves a number to be called back. Repeating the request
 * with the same client id answers the same call-back.
 */
export async function requestCallback(
  ctx: ServiceContext,
  kiosk: KioskActor,
  input: z.output<typeof RequestCallback>,
): Promise<CallbackResult> {
  return inTransaction(ctx, async (trx, outbox) => {
    const existing = await findCallbackByClientId(trx, kiosk.kioskId, input.clientId);
    if (existing) return { callbackId: existing.id, phone: existing.phone };
    await ensureInService(trx, kiosk.kioskId);
    if (!(await findService(trx, kiosk.officeId, input.serviceId))) {
      throw new LoketError('NOT_FOUND', `no service ${input.serviceId} here`);
    }
    const office = await findOffice(trx, kiosk.officeId);
    if (!office) throw new LoketError('NOT_FOUND', 'office of this kiosk is gone');
    const now = ctx.clock();
    const id = ctx.ids();
    await insertCallback(trx, {
      id,
      office_id: kiosk.officeId,
      kiosk_id: kiosk.kioskId,
      client_id: input.clientId,
      service_id: input.serviceId,
      language: input.language,
      phone: input.phone,
      status: 'open',
      created_at: now,
      closed_at: null,
      closed_by: null,
      outcome: null,
      // What the visitor agreed to: the period the kiosk showed them.
      kept_days: retentionOf(office).callbackDays,
      erased_at: null,
    });
    await audit(ctx, trx, {
      officeId: kiosk.officeId,
      by: kiosk,
      action: 'callback.requested',
      subjectId: id,
      details: { serviceId: input.serviceId, consent: true },
    });
    outbox.figuresChanged(kiosk.officeId);
    return { callbackId: id, phone: input.phone };
  });
}
