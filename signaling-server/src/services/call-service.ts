import type { CallEndReason, CallRef, TransferCall } from '@loket/shared';
import { findAgent } from '../store/repositories/agents.js';
import { nextHandleAverage } from '../core/eta.js';
import { ticketTransition } from '../core/ticket-machine.js';
import { audit } from '../store/repositories/audit.js';
import { endCall as markEnded, findActiveCall } from '../store/repositories/calls.js';
import { findService } from '../store/repositories/offices.js';
import { findTicket, moveTicket } from '../store/repositories/tickets.js';
import { clearMediaGrace, setTimer } from '../store/repositories/timers.js';
import type { Db } from '../store/database.js';
import type { CallRow } from '../store/schema.js';
import type { Actor, ServiceContext } from './context.js';
import { LoketError } from './errors.js';
import type { Outbox } from './notifier.js';
import { moveAgentBy } from './offers.js';
import { inTransaction } from './transaction.js';
import { ticketView } from './views.js';

function isParty(call: CallRow, actor: Actor): boolean {
  return actor.kind === 'kiosk' ? call.kiosk_id === actor.kioskId : call.agent_id === actor.userId;
}

/** The active call `callId` if `actor` is one of its two parties; refused otherwise. */
export async function callOf(ctx: ServiceContext, actor: Actor, callId: string): Promise<CallRow> {
  const call = await findActiveCall(ctx.db, callId);
  if (!call || !isParty(call, actor)) {
    throw new LoketError('NOT_IN_CALL', 'you are not a party of this call');
  }
  return call;
}

/** Where a signal from `actor` goes: to the other party of the call, and nowhere else. */
export async function signalTarget(
  ctx: ServiceContext,
  actor: Actor,
  input: CallRef,
): Promise<{ kioskId: string } | { agentId: string }> {
  const call = await callOf(ctx, actor, input.callId);
  return actor.kind === 'kiosk' ? { agentId: call.agent_id } : { kioskId: call.kiosk_id };
}

/**
 * How a call ends for its ticket and agent: `end` (either party hung up: ticket done, agent to
 * wrap-up), `abandon` (the kiosk never came back: ticket abandoned, agent to wrap-up),
 * `requeue` (the console never came back: the visitor waits again at the front, agent offline)
 * or `return` (the media failed under both: the visitor waits again at the front, the agent,
 * still here, goes to wrap-up).
 */
export type CallOutcome =
  | { kind: 'end' }
  | { kind: 'abandon' }
  | { kind: 'requeue' }
  | { kind: 'return' }
  /** The agent moved the visitor: they wait at the front for another service or officer. */
  | { kind: 'transfer'; serviceId: string; agentId: string | null };

/** Ends a call inside a transaction; false when it had already ended. */
export async function finishCall(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  call: CallRow,
  outcome: CallOutcome,
  reason: CallEndReason,
  actor: { type: 'kiosk' | 'user' | 'system'; id: string | null },
): Promise<boolean> {
  const now = ctx.clock();
  if (!(await markEnded(trx, call.id, now, reason))) return false;
  await clearMediaGrace(trx, call.id);
  const ticket = await findTicket(trx, call.ticket_id);
  const requeued =
    outcome.kind === 'requeue' || outcome.kind === 'return' || outcome.kind === 'transfer';
  const move = ticket && ticketTransition(ticket.status, requeued ? 'requeue' : outcome.kind);
  if (ticket && move?.ok) {
    const change = !requeued
      ? { status: move.next, updated_at: now }
      : {
          status: move.next,
          updated_at: now,
          priority: 'transfer' as const,
          offered_agent_id: null,
          ...(outcome.kind === 'transfer'
            ? { service_id: outcome.serviceId, assigned_agent_id: outcome.agentId }
            : {}),
        };
    await moveTicket(trx, ticket.id, ticket.status, change);
    const updated = { ...ticket, ...change };
    if (!requeued) outbox.add((n) => n.ticketUpdated(ticket.kiosk_id, ticketView(updated, null)));
  }
  if (outcome.kind === 'requeue') {
    await moveAgentBy(trx, outbox, call.agent_id, 'lose', now);
  } else {
    await moveAgentBy(trx, outbox, call.agent_id, 'endCall', now);
    await setTimer(trx, {
      id: ctx.ids(),
      office_id: call.office_id,
      kind: 'wrap_up_end',
      ref_id: call.agent_id,
      due_at: now + ctx.settings.wrapUpMs,
    });
    const service = ticket && (await findService(trx, call.office_id, ticket.service_id));
    if (service) {
      await trx
        .updateTable('services')
        .set({ avg_handle_ms: nextHandleAverage(service.avg_handle_ms, now - call.started_at) })
        .where('id', '=', service.id)
        .execute();
    }
  }
  await audit(trx, {
    id: ctx.ids(),
    at: now,
    office_id: call.office_id,
    actor_type: actor.type,
    actor_id: actor.id,
    action: 'call.ended',
    subject_id: call.id,
    details: { reason, outcome: outcome.kind, ticketId: call.ticket_id },
  });
  outbox.add((n) =>
    n.callEnded({ kioskId: call.kiosk_id, agentId: call.agent_id }, { callId: call.id, reason }),
  );
  return true;
}

/** Either party ends the call: the ticket is done and the agent goes to wrap-up. */
export async function endCall(ctx: ServiceContext, actor: Actor, input: CallRef): Promise<null> {
  const reason: CallEndReason = actor.kind === 'kiosk' ? 'ended_by_visitor' : 'ended_by_agent';
  const officeId = await inTransaction(
    ctx,
    async (trx, outbox) => {
      const call = await findActiveCall(trx, input.callId);
      if (!call || !isParty(call, actor)) {
        throw new LoketError('NOT_IN_CALL', 'you are not a party of this call');
      }
      const by =
        actor.kind === 'kiosk'
          ? { type: 'kiosk' as const, id: actor.kioskId }
          : { type: 'user' as const, id: actor.userId };
      if (!(await finishCall(ctx, trx, outbox, call, { kind: 'end' }, reason, by))) {
        throw new LoketError('NOT_IN_CALL', 'the call has already ended');
      }
      return call.office_id;
    },
    // The room goes first, so a token of the call cannot join it once a party is told it ended.
    () => ctx.media.closeCall(input.callId),
  );
  ctx.requestDispatch(officeId);
  return null;
}

/**
 * The agent moves the visitor to another service and/or a named officer. The call ends for the
 * agent (who goes to wrap-up); the visitor stays on a holding screen and waits at the front.
 */
export async function transferCall(
  ctx: ServiceContext,
  actor: Actor,
  input: TransferCall,
): Promise<null> {
  if (actor.kind !== 'user') throw new LoketError('FORBIDDEN', 'agents only');
  const officeId = await inTransaction(
    ctx,
    async (trx, outbox) => {
      const call = await findActiveCall(trx, input.callId);
      if (!call || !isParty(call, actor)) {
        throw new LoketError('NOT_IN_CALL', 'you are not in this call, or it has ended');
      }
      const ticket = await findTicket(trx, call.ticket_id);
      if (!ticket) throw new LoketError('NOT_FOUND', 'the call has no ticket');
      const serviceId = input.serviceId ?? ticket.service_id;
      if (!(await findService(trx, call.office_id, serviceId))) {
        throw new LoketError('NOT_FOUND', `no service ${serviceId} here`);
      }
      if (input.agentId !== undefined) {
        const target = await findAgent(trx, input.agentId);
        if (!target || target.office_id !== call.office_id || input.agentId === actor.userId) {
          throw new LoketError('NOT_FOUND', 'no other agent by that id in this office');
        }
      }
      const outcome = { kind: 'transfer' as const, serviceId, agentId: input.agentId ?? null };
      await finishCall(ctx, trx, outbox, call, outcome, 'transferred', {
        type: 'user',
        id: actor.userId,
      });
      return call.office_id;
    },
    () => ctx.media.closeCall(input.callId),
  );
  ctx.requestDispatch(officeId);
  return null;
}
