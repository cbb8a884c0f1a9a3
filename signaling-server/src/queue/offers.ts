import { offerExpiry } from '../core/offer-expiry.js';
import { ticketTransition } from '../core/ticket-machine.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import type { Outbox } from '../context/outbox.js';
import type { OfferOutcome } from '../context/telemetry.js';
import type { Db } from '../store/database.js';
import { findAgent, setMissedOffers } from '../store/repositories/agents.js';
import { findTicket } from '../store/repositories/tickets.js';
import type { TicketRow } from '../store/schema.js';
import { applyAgentMove, moveAgentBy } from './agent-moves.js';
import { changeTicket } from './ticket-moves.js';

/** What taking an offer back leaves of it: not offered to anyone, no expiry. */
const NOT_OFFERED = { offered_agent_id: null, offer_expires_at: null } as const;

/**
 * Records how the offer on `ticket` ended, `at`: how long it rang is worked out from its expiry,
 * which was set the offer timeout after it was made.
 */
export function measureOfferEnd(
  ctx: ServiceContext,
  outbox: Outbox,
  ticket: TicketRow,
  outcome: OfferOutcome,
  at: number,
): void {
  if (ticket.offer_expires_at === null) return;
  const rang = Math.max(0, at - (ticket.offer_expires_at - ctx.settings.offerTimeoutMs));
  const place = { officeId: ticket.office_id, serviceId: ticket.service_id };
  outbox.measure((t) => t.offerEnded(place, outcome, rang));
}

/** Takes back an offer whose ticket was cancelled: the agent is free again. */
export async function withdrawOffer(
  trx: Db,
  outbox: Outbox,
  agentId: string,
  ticketId: string,
  at: number,
): Promise<void> {
  await moveAgentBy(trx, outbox, agentId, 'withdraw', at);
  outbox.add((n) => n.offerWithdrawn(agentId, { ticketId, reason: 'cancelled' }));
}

/**
 * Puts an offered ticket back at the head of its queue, because the agent declined it or left.
 * `agentEvent` says what becomes of the agent. An unanswered offer goes through `expireOffer`.
 */
export async function returnOffer(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  ticketId: string,
  agentEvent: 'decline' | 'disconnect',
  at: number,
): Promise<void> {
  const ticket = await findTicket(trx, ticketId);
  if (!ticket || ticket.status !== 'offered' || !ticket.offered_agent_id) {
    throw new LoketError('INVALID_STATE', 'ticket is not on offer');
  }
  const move = ticketTransition(ticket.status, 'return');
  if (!move.ok) throw new LoketError('INVALID_STATE', 'ticket cannot return');
  const agentId = ticket.offered_agent_id;
  measureOfferEnd(ctx, outbox, ticket, agentEvent === 'decline' ? 'declined' : 'abandoned', at);
  await changeTicket(trx, outbox, ticket, { status: move.next, updated_at: at, ...NOT_OFFERED });
  await moveAgentBy(trx, outbox, agentId, agentEvent, at, { answered: agentEvent === 'decline' });
  await audit(ctx, trx, {
    officeId: ticket.office_id,
    by: agentEvent === 'decline' ? { userId: agentId } : 'system',
    action: agentEvent === 'decline' ? 'offer.declined' : 'offer.abandoned',
    subjectId: ticket.id,
    details: { agentId },
  });
}

/**
 * An offer rang unanswered until `now`: applies what the core decides (`offerExpiry`), i.e. the
 * ticket waits again at the head of its queue and the agent counts a miss, going away after
 * repeated ones. Refuses, changing nothing, an offer that is no longer ringing or not yet due.
 */
export async function expireOffer(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  ticketId: string,
  now: number,
): Promise<void> {
  const ticket = await findTicket(trx, ticketId);
  const agent = ticket?.offered_agent_id
    ? await findAgent(trx, ticket.offered_agent_id)
    : undefined;
  if (!ticket || !agent) throw new LoketError('INVALID_STATE', 'ticket is not on offer');
  const decision = offerExpiry(
    {
      id: ticket.id,
      status: ticket.status,
      queuedAt: ticket.queued_at,
      offeredAgentId: ticket.offered_agent_id,
      offerExpiresAt: ticket.offer_expires_at,
    },
    { id: agent.user_id, status: agent.status, missedOffers: agent.missed_offers },
    now,
  );
  if (!decision.ok) throw new LoketError('INVALID_STATE', `offer not expired: ${decision.reason}`);
  // Written as decided, each guarded by what was read: a concurrent change wins and this one
  // rolls back. The ticket keeps its place in the queue (`queued_at` is not touched).
  await changeTicket(trx, outbox, ticket, {
    status: decision.ticket.status,
    offered_agent_id: decision.ticket.offeredAgentId,
    offer_expires_at: decision.ticket.offerExpiresAt,
    updated_at: decision.ticket.updatedAt,
  });
  const from = agent.missed_offers;
  if (!(await setMissedOffers(trx, agent.user_id, from, decision.agent.missedOffers))) {
    throw new LoketError('INVALID_STATE', 'agent changed meanwhile');
  }
  const { status, idleFromNow } = decision.agent;
  await applyAgentMove(trx, outbox, agent, status, now, { idle: idleFromNow });
  await audit(ctx, trx, {
    officeId: ticket.office_id,
    by: 'system',
    action: 'offer.expired',
    subjectId: ticket.id,
    details: { agentId: agent.user_id },
  });
  measureOfferEnd(ctx, outbox, ticket, 'expired', now);
  outbox.add((n) => n.offerWithdrawn(agent.user_id, { ticketId, reason: 'expired' }));
}

/**
 * Closes a waiting or ringing ticket for good (`cancel`: the visitor or a manager gave it up;
 * `abandon`: the kiosk never came back); an offer on it is withdrawn. Answers the closed ticket.
 */
export async function closeTicket(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  ticket: TicketRow,
  event: 'cancel' | 'abandon',
  at: number,
): Promise<TicketRow> {
  const move = ticketTransition(ticket.status, event);
  if (!move.ok) {
    throw new LoketError('INVALID_STATE', `a ${ticket.status} ticket cannot be closed`);
  }
  if (ticket.status === 'offered' && ticket.offered_agent_id) {
    measureOfferEnd(ctx, outbox, ticket, 'withdrawn', at);
    await withdrawOffer(trx, outbox, ticket.offered_agent_id, ticket.id, at);
  }
  return changeTicket(trx, outbox, ticket, { status: move.next, updated_at: at, ...NOT_OFFERED });
}
