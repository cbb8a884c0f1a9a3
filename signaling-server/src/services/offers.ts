import type { AgentStatus } from '@loket/shared';
import { agentTransition, type AgentEvent } from '../core/agent-machine.js';
import { offerExpiry } from '../core/offer-expiry.js';
import { ticketTransition } from '../core/ticket-machine.js';
import type { Db } from '../store/database.js';
import type { TicketRow } from '../store/schema.js';
import {
  findAgent,
  moveAgent,
  resetMissedOffers,
  setMissedOffers,
  type AgentWithUser,
} from '../store/repositories/agents.js';
import { audit } from '../store/repositories/audit.js';
import { findTicket, moveTicket } from '../store/repositories/tickets.js';
import type { ServiceContext } from './context.js';
import { LoketError } from './errors.js';
import type { Outbox } from './notifier.js';
import { agentView } from './views.js';

/**
 * Moves a known agent to `next`, failing the transaction if the agent is no longer where it was
 * read. `idle` restarts the agent's idle time, putting them last among free agents.
 */
async function applyAgentMove(
  trx: Db,
  outbox: Outbox,
  agent: AgentWithUser,
  next: AgentStatus,
  at: number,
  idle = next === 'available',
): Promise<void> {
  if (next === agent.status) return;
  if (!(await moveAgent(trx, agent.user_id, agent.status, { status: next, at, idle }))) {
    throw new LoketError('INVALID_STATE', 'agent changed meanwhile');
  }
  const view = agentView({
    ...agent,
    status: next,
    status_since: at,
    idle_since: idle ? at : agent.idle_since,
  });
  outbox.add((n) => {
    n.agentUpdated(view);
    n.queueChanged(agent.office_id);
  });
}

/** Moves an agent by an event, failing the transaction if the agent is not where it must be. */
export async function moveAgentBy(
  trx: Db,
  outbox: Outbox,
  agentId: string,
  event: AgentEvent,
  at: number,
): Promise<void> {
  const agent = await findAgent(trx, agentId);
  if (!agent) throw new LoketError('NOT_FOUND', 'no such agent');
  const move = agentTransition(agent.status, event);
  if (!move.ok) throw new LoketError('INVALID_STATE', `an agent ${agent.status} cannot ${event}`);
  await applyAgentMove(trx, outbox, agent, move.next, at);
}

/** Takes back an offer whose ticket was cancelled: the agent is free again. */
export async function withdrawOffer(
  _ctx: ServiceContext,
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
  await moveTicket(trx, ticket.id, 'offered', {
    status: move.next,
    updated_at: at,
    offered_agent_id: null,
    offer_expires_at: null,
  });
  if (agentEvent === 'decline') await resetMissedOffers(trx, agentId);
  await moveAgentBy(trx, outbox, agentId, agentEvent, at);
  await audit(trx, {
    id: ctx.ids(),
    at,
    office_id: ticket.office_id,
    actor_type: agentEvent === 'decline' ? 'user' : 'system',
    actor_id: agentEvent === 'decline' ? agentId : null,
    action: agentEvent === 'decline' ? 'offer.declined' : 'offer.abandoned',
    subject_id: ticket.id,
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
  const moved = await moveTicket(trx, ticket.id, ticket.status, {
    status: decision.ticket.status,
    offered_agent_id: decision.ticket.offeredAgentId,
    offer_expires_at: decision.ticket.offerExpiresAt,
    updated_at: decision.ticket.updatedAt,
  });
  if (!moved) throw new LoketError('INVALID_STATE', 'ticket changed meanwhile');
  const from = agent.missed_offers;
  if (!(await setMissedOffers(trx, agent.user_id, from, decision.agent.missedOffers))) {
    throw new LoketError('INVALID_STATE', 'agent changed meanwhile');
  }
  const { status, idleFromNow } = decision.agent;
  await applyAgentMove(trx, outbox, agent, status, now, idleFromNow);
  await audit(trx, {
    id: ctx.ids(),
    at: now,
    office_id: ticket.office_id,
    actor_type: 'system',
    actor_id: null,
    action: 'offer.expired',
    subject_id: ticket.id,
    details: { agentId: agent.user_id },
  });
  outbox.add((n) => n.offerWithdrawn(agent.user_id, { ticketId, reason: 'expired' }));
}

/** The kiosk never came back: its waiting or ringing ticket is abandoned and any offer withdrawn. */
export async function abandonTicket(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  ticket: TicketRow,
): Promise<void> {
  const move = ticketTransition(ticket.status, 'abandon');
  if (!move.ok) return;
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
  await moveTicket(trx, ticket.id, ticket.status, change);
  await audit(trx, {
    id: ctx.ids(),
    at: now,
    office_id: ticket.office_id,
    actor_type: 'system',
    actor_id: null,
    action: 'ticket.abandoned',
    subject_id: ticket.id,
    details: { reason: 'kiosk did not reconnect within the grace period' },
  });
  outbox.add((n) => n.queueChanged(ticket.office_id));
}
