import type { CallEndReason, CallRef } from '@loket/shared';
import { ticketTransition } from '../core/ticket-machine.js';
import { audit } from '../store/repositories/audit.js';
import { endCall as markEnded, findActiveCall } from '../store/repositories/calls.js';
import { findTicket, moveTicket } from '../store/repositories/tickets.js';
import type { CallRow } from '../store/schema.js';
import type { Actor, ServiceContext } from './context.js';
import { LoketError } from './errors.js';
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

/** Either party ends the call: the ticket is done and the agent free for the next one. */
export async function endCall(ctx: ServiceContext, actor: Actor, input: CallRef): Promise<null> {
  const reason: CallEndReason = actor.kind === 'kiosk' ? 'ended_by_visitor' : 'ended_by_agent';
  const officeId = await inTransaction(ctx, async (trx, outbox) => {
    const call = await findActiveCall(trx, input.callId);
    if (!call || !isParty(call, actor)) {
      throw new LoketError('NOT_IN_CALL', 'you are not a party of this call');
    }
    const now = ctx.clock();
    if (!(await markEnded(trx, call.id, now, reason))) {
      throw new LoketError('NOT_IN_CALL', 'the call has already ended');
    }
    const ticket = await findTicket(trx, call.ticket_id);
    const move = ticket && ticketTransition(ticket.status, 'end');
    if (ticket && move?.ok) {
      await moveTicket(trx, ticket.id, ticket.status, { status: move.next, updated_at: now });
      const done = { ...ticket, status: move.next, updated_at: now };
      outbox.add((n) => n.ticketUpdated(ticket.kiosk_id, ticketView(done, null)));
    }
    await moveAgentBy(trx, outbox, call.agent_id, 'endCall', now);
    await audit(trx, {
      id: ctx.ids(),
      at: now,
      office_id: call.office_id,
      actor_type: actor.kind,
      actor_id: actor.kind === 'kiosk' ? actor.kioskId : actor.userId,
      action: 'call.ended',
      subject_id: call.id,
      details: { reason, ticketId: call.ticket_id },
    });
    outbox.add((n) =>
      n.callEnded({ kioskId: call.kiosk_id, agentId: call.agent_id }, { callId: call.id, reason }),
    );
    return call.office_id;
  });
  ctx.requestDispatch(officeId);
  return null;
}
