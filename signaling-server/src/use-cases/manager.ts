import type { OfficeMessage } from '@loket/shared';
import { agentTransition } from '../core/agent-machine.js';
import { audit, type AuditedChange } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import type { Outbox } from '../context/outbox.js';
import { inTransaction } from '../context/transaction.js';
import { applyAgentMove } from '../queue/agent-moves.js';
import { closeTicket, returnOffer } from '../queue/offers.js';
import { changeTicket } from '../queue/ticket-moves.js';
import { ticketView } from '../read-models/views.js';
import type { Db } from '../store/database.js';
import { findAgent, lockAgent, type AgentWithUser } from '../store/repositories/agents.js';
import { findOfferedTicket, findTicket } from '../store/repositories/tickets.js';
import type { TicketRow } from '../store/schema.js';

/** A signed-in desk manager as they act. */
export interface ManagerActor {
  userId: string;
  officeId: string;
}

/** What a manager's change writes to the audit log besides who made it. */
type ManagerAudit = Pick<AuditedChange, 'action' | 'subjectId' | 'details'>;

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

async function agentOf(trx: Db, manager: ManagerActor, agentId: string): Promise<AgentWithUser> {
  const agent = await findAgent(trx, agentId);
  if (!agent || agent.office_id !== manager.officeId) {
    throw new LoketError('NOT_FOUND', 'no such agent in your office');
  }
  return agent;
}

/**
 * Runs a manager's change in one transaction together with its audit entry (who and why); the
 * office's dashboards hear of it and its queue is matched again.
 */
async function managerChange(
  ctx: ServiceContext,
  manager: ManagerActor,
  work: (trx: Db, outbox: Outbox) => Promise<ManagerAudit>,
): Promise<null> {
  await inTransaction(ctx, async (trx, outbox) => {
    const change = await work(trx, outbox);
    await audit(ctx, trx, { ...change, officeId: manager.officeId, by: manager });
    outbox.queueChanged(manager.officeId);
  });
  return null;
}

/** Puts a waiting ticket in the priority lane, with who and why in the audit log. */
export async function prioritiseTicket(
  ctx: ServiceContext,
  manager: ManagerActor,
  input: { ticketId: string; reason: string },
): Promise<null> {
  return managerChange(ctx, manager, async (trx, outbox) => {
    const ticket = await waitingTicketOf(trx, manager, input.ticketId);
    if (ticket.priority === 'normal') {
      await changeTicket(trx, outbox, ticket, { priority: 'priority', updated_at: ctx.clock() });
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
    let ticket = await waitingTicketOf(trx, manager, input.ticketId);
    await agentOf(trx, manager, input.agentId);
    // A ringing offer to someone else is recalled, so that the new target applies.
    if (ticket.status === 'offered' && ticket.offered_agent_id !== input.agentId) {
      await returnOffer(ctx, trx, outbox, ticket.id, 'decline', ctx.clock());
      ticket = await waitingTicketOf(trx, manager, input.ticketId);
    }
    const change = { assigned_agent_id: input.agentId, updated_at: ctx.clock() };
    await changeTicket(trx, outbox, ticket, change);
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
    const cancelled = await closeTicket(ctx, trx, outbox, ticket, 'cancel', ctx.clock());
    outbox.add((n) => n.ticketUpdated(ticket.kiosk_id, ticketView(cancelled, null)));
    return {
      action: 'ticket.cancelled_by_manager',
      subjectId: ticket.id,
      details: { reason: input.reason },
    };
  });
}

const MANAGER_EVENT = {
  available: 'goAvailable',
  away: 'goAway',
  offline: 'disconnect',
} as const;

/**
 * Sets an agent's state, e.g. away when they left the desk without saying so. An offer in hand
 * goes back to the queue first; an agent in a call or wrap-up is refused.
 */
export async function setAgentState(
  ctx: ServiceContext,
  manager: ManagerActor,
  input: { agentId: string; status: keyof typeof MANAGER_EVENT; reason: string },
): Promise<null> {
  return managerChange(ctx, manager, async (trx, outbox) => {
    await lockAgent(trx, input.agentId);
    let agent = await agentOf(trx, manager, input.agentId);
    const now = ctx.clock();
    const offered = agent.status === 'offered' && (await findOfferedTicket(trx, agent.user_id));
    if (offered) {
      await returnOffer(ctx, trx, outbox, offered.id, 'decline', now);
      agent = await agentOf(trx, manager, input.agentId);
    }
    const move = agentTransition(agent.status, MANAGER_EVENT[input.status]);
    if (!move.ok) {
      throw new LoketError(
        'INVALID_STATE',
        `an agent ${agent.status} cannot be set ${input.status}`,
      );
    }
    await applyAgentMove(trx, outbox, agent, move.next, now);
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
): Promise<null> {
  const message = { text: input.text, at: ctx.clock() };
  await inTransaction(ctx, async (trx, outbox) => {
    await audit(ctx, trx, {
      officeId: manager.officeId,
      by: manager,
      action: 'kiosks.messaged',
      subjectId: manager.officeId,
      details: { text: input.text },
    });
    outbox.add((n) => n.officeMessage(manager.officeId, message));
  });
  return null;
}
