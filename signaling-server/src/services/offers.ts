import { agentTransition, type AgentEvent } from '../core/agent-machine.js';
import { ticketTransition } from '../core/ticket-machine.js';
import type { Db } from '../store/database.js';
import type { TicketRow } from '../store/schema.js';
import {
  countMissedOffer,
  findAgent,
  moveAgent,
  resetMissedOffers,
} from '../store/repositories/agents.js';

/** Offers an agent may miss in a row before being set away. */
const MISSES_BEFORE_AWAY = 2;
import { audit } from '../store/repositories/audit.js';
import { findTicket, moveTicket } from '../store/repositories/tickets.js';
import type { ServiceContext } from './context.js';
import { LoketError } from './errors.js';
import type { Outbox } from './notifier.js';
import { agentView } from './views.js';

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
  if (move.next === agent.status) return;
  const idle = move.next === 'available';
  if (!(await moveAgent(trx, agentId, agent.status, { status: move.next, at, idle }))) {
    throw new LoketError('INVALID_STATE', 'agent changed meanwhile');
  }
  const view = agentView({
    ...agent,
    status: move.next,
    status_since: at,
    idle_since: idle ? at : agent.idle_since,
  });
  outbox.add((n) => {
    n.agentUpdated(view);
    n.queueChanged(agent.office_id);
  });
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
 * Puts an offered ticket back at the head of its queue, because the agent declined, missed it or
 * left. `agentEvent` says what becomes of the agent.
 */
export async function returnOffer(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  ticketId: string,
  agentEvent: 'decline' | 'miss' | 'disconnect',
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
  const event =
    agentEvent === 'miss' && (await countMissedOffer(trx, agentId)) >= MISSES_BEFORE_AWAY
      ? 'missAgain'
      : agentEvent;
  await moveAgentBy(trx, outbox, agentId, event, at);
  await audit(trx, {
    id: ctx.ids(),
    at,
    office_id: ticket.office_id,
    actor_type: agentEvent === 'decline' ? 'user' : 'system',
    actor_id: agentEvent === 'decline' ? agentId : null,
    action: `offer.${agentEvent === 'decline' ? 'declined' : agentEvent === 'miss' ? 'expired' : 'abandoned'}`,
    subject_id: ticket.id,
    details: { agentId },
  });
  if (agentEvent === 'miss') {
    outbox.add((n) => n.offerWithdrawn(agentId, { ticketId, reason: 'expired' }));
  }
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
