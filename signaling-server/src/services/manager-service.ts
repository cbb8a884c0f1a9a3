import type { AgentStatus, OfficeMessage } from '@loket/shared';
import { agentTransition } from '../core/agent-machine.js';
import { findAgent, lockAgent, moveAgent } from '../store/repositories/agents.js';
import { audit } from '../store/repositories/audit.js';
import { findOfferedTicket, findTicket, moveTicket } from '../store/repositories/tickets.js';
import type { Db } from '../store/database.js';
import type { TicketRow } from '../store/schema.js';
import type { ServiceContext } from './context.js';
import { LoketError } from './errors.js';
import type { Outbox } from './notifier.js';
import { returnOffer, withdrawOffer } from './offers.js';
import { inTransaction } from './transaction.js';
import { agentView, ticketView } from './views.js';

/** A signed-in desk manager as they act. */
export interface ManagerActor {
  userId: string;
  officeId: string;
}

async function waitingTicketOf(
  trx: Db,
  manager: ManagerActor,
  ticketId: string,
): Promise<TicketRow> {
  const ticket = await findTicket(trx, ticketId);
  if (!ticket || ticket.office_id !== manager.officeId) {
    throw new LoketError('NOT_FOUND', 'no such ticket in your office');
  }
  if (ticket.status !== 'waiting' && ticket.status !== 'offered') {
    throw new LoketError('INVALID_STATE', `a ${ticket.status} ticket can no longer be changed`);
  }
  return ticket;
}

async function record(
  ctx: ServiceContext,
  trx: Db,
  manager: ManagerActor,
  action: string,
  subjectId: string,
  details: Record<string, unknown>,
) {
  await audit(trx, {
    id: ctx.ids(),
    at: ctx.clock(),
    office_id: manager.officeId,
    actor_type: 'user',
    actor_id: manager.userId,
    action,
    subject_id: subjectId,
    details,
  });
}

/** Moves a ticket back to waiting if it is ringing, so a change of order or target applies. */
async function recall(ctx: ServiceContext, trx: Db, outbox: Outbox, ticket: TicketRow) {
  if (ticket.status === 'offered')
    await returnOffer(ctx, trx, outbox, ticket.id, 'decline', ctx.clock());
}

/** What a manager's change writes to the audit log. */
interface AuditedChange {
  action: string;
  subjectId: string;
  details: Record<string, unknown>;
}

/**
 * Runs a manager's change in one transaction together with its audit entry (who and why), tells
 * the office's dashboards, then matches the office again.
 */
async function managerChange(
  ctx: ServiceContext,
  manager: ManagerActor,
  work: (trx: Db, outbox: Outbox) => Promise<AuditedChange>,
): Promise<null> {
  await inTransaction(ctx, async (trx, outbox) => {
    const change = await work(trx, outbox);
    await record(ctx, trx, manager, change.action, change.subjectId, change.details);
    outbox.add((n) => n.queueChanged(manager.officeId));
  });
  ctx.requestDispatch(manager.officeId);
  return null;
}

/** Puts a waiting ticket in the priority lane, with who and why in the audit log. */
export async function prioritiseTicket(
  ctx: ServiceContext,
  manager: ManagerActor,
  input: { ticketId: string; reason: string },
): Promise<null> {
  return managerChange(ctx, manager, async (trx) => {
    const ticket = await waitingTicketOf(trx, manager, input.ticketId);
    if (ticket.priority === 'normal') {
      await trx
        .updateTable('tickets')
        .set({ priority: 'priority' })
        .where('id', '=', ticket.id)
        .execute();
    }
    return {
      action: 'ticket.prioritised',
      subjectId: ticket.id,
      details: { reason: input.reason },
    };
  });
}

/** Gives a waiting ticket to one named agent of the office; a ringing offer elsewhere is recalled. */
export async function assignTicket(
  ctx: ServiceContext,
  manager: ManagerActor,
  input: { ticketId: string; agentId: string; reason: string },
): Promise<null> {
  return managerChange(ctx, manager, async (trx, outbox) => {
    const ticket = await waitingTicketOf(trx, manager, input.ticketId);
    const agent = await findAgent(trx, input.agentId);
    if (!agent || agent.office_id !== manager.officeId) {
      throw new LoketError('NOT_FOUND', 'no such agent in your office');
    }
    if (ticket.offered_agent_id !== input.agentId) await recall(ctx, trx, outbox, ticket);
    await trx
      .updateTable('tickets')
      .set({ assigned_agent_id: input.agentId })
      .where('id', '=', ticket.id)
      .execute();
    return {
      action: 'ticket.assigned',
      subjectId: ticket.id,
      details: { agentId: input.agentId, reason: input.reason },
    };
  });
}

/** Cancels a ticket that is still waiting or ringing; its kiosk is told. */
export async function cancelTicketAsManager(
  ctx: ServiceContext,
  manager: ManagerActor,
  input: { ticketId: string; reason: string },
): Promise<null> {
  return managerChange(ctx, manager, async (trx, outbox) => {
    const ticket = await waitingTicketOf(trx, manager, input.ticketId);
    const now = ctx.clock();
    if (ticket.status === 'offered' && ticket.offered_agent_id) {
      await withdrawOffer(ctx, trx, outbox, ticket.offered_agent_id, ticket.id, now);
    }
    const change = {
      status: 'cancelled' as const,
      updated_at: now,
      offered_agent_id: null,
      offer_expires_at: null,
    };
    if (!(await moveTicket(trx, ticket.id, ticket.status, change))) {
      throw new LoketError('INVALID_STATE', 'ticket changed meanwhile');
    }
    const updated = { ...ticket, ...change };
    outbox.add((n) => n.ticketUpdated(ticket.kiosk_id, ticketView(updated, null)));
    return {
      action: 'ticket.cancelled_by_manager',
      subjectId: ticket.id,
      details: { reason: input.reason },
    };
  });
}

const MANAGER_EVENT: Record<
  'available' | 'away' | 'offline',
  'goAvailable' | 'goAway' | 'disconnect'
> = {
  available: 'goAvailable',
  away: 'goAway',
  offline: 'disconnect',
};

/**
 * Sets an agent's state, e.g. away when they left the desk without saying so. An offer in hand
 * goes back to the queue first; an agent in a call or wrap-up is refused.
 */
export async function setAgentState(
  ctx: ServiceContext,
  manager: ManagerActor,
  input: { agentId: string; status: 'available' | 'away' | 'offline'; reason: string },
): Promise<null> {
  return managerChange(ctx, manager, async (trx, outbox) => {
    await lockAgent(trx, input.agentId);
    const agent = await findAgent(trx, input.agentId);
    if (!agent || agent.office_id !== manager.officeId) {
      throw new LoketError('NOT_FOUND', 'no such agent in your office');
    }
    const now = ctx.clock();
    let from: AgentStatus = agent.status;
    if (from === 'offered') {
      const offered = await findOfferedTicket(trx, agent.user_id);
      if (offered) await returnOffer(ctx, trx, outbox, offered.id, 'decline', now);
      from = 'available';
    }
    const move = agentTransition(from, MANAGER_EVENT[input.status]);
    if (!move.ok)
      throw new LoketError(
        'INVALID_STATE',
        `an agent ${agent.status} cannot be set ${input.status}`,
      );
    if (move.next !== from) {
      const idle = move.next === 'available';
      if (!(await moveAgent(trx, agent.user_id, from, { status: move.next, at: now, idle }))) {
        throw new LoketError('INVALID_STATE', 'agent changed meanwhile');
      }
      const view = agentView({ ...agent, status: move.next, status_since: now });
      outbox.add((n) => n.agentUpdated(view));
    }
    return {
      action: 'agent.state_set',
      subjectId: agent.user_id,
      details: { status: input.status, reason: input.reason },
    };
  });
}

/** Shows a message on every kiosk of the office, and keeps it in the audit log. */
export async function messageKiosks(
  ctx: ServiceContext,
  manager: ManagerActor,
  input: { text: OfficeMessage['text'] },
  deliver: (message: OfficeMessage) => void,
): Promise<null> {
  const message = { text: input.text, at: ctx.clock() };
  await inTransaction(ctx, async (trx) => {
    await record(ctx, trx, manager, 'kiosks.messaged', manager.officeId, { text: input.text });
  });
  deliver(message);
  return null;
}
