import type { CallEndReason, CallRef, CallSignal, TransferCall } from '@loket/shared';
import type { AuditedBy } from '../context/audit.js';
import type { Actor, ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { finishCall } from '../queue/call-outcome.js';
import { findAgent } from '../store/repositories/agents.js';
import { findActiveCall } from '../store/repositories/calls.js';
import { findService } from '../store/repositories/offices.js';
import {
  findActiveTicketForKiosk,
  findOfferedTicket,
  findTicket,
} from '../store/repositories/tickets.js';
import type { CallRow } from '../store/schema.js';

function isParty(call: CallRow, actor: Actor): boolean {
  return actor.kind === 'kiosk' ? call.kiosk_id === actor.kioskId : call.agent_id === actor.userId;
}

/** Who `actor` is in the audit log. */
function auditedAs(actor: Actor): AuditedBy {
  return actor.kind === 'kiosk' ? { kioskId: actor.kioskId } : { userId: actor.userId };
}

/**
 * The parties of the peer-to-peer call that the offer ringing for `actor` may start, if that is
 * `callId`: they connect ahead, sending nothing but signals. Read from the ticket and the store of
 * prepared calls, which every instance shares.
 */
async function ringingCallOf(
  ctx: ServiceContext,
  actor: Actor,
  callId: string,
): Promise<Pick<CallRow, 'agent_id' | 'kiosk_id'> | null> {
  if (ctx.media.transport !== 'p2p') return null;
  const ticket =
    actor.kind === 'kiosk'
      ? await findActiveTicketForKiosk(ctx.db, actor.kioskId)
      : await findOfferedTicket(ctx.db, actor.userId);
  const agentId = ticket?.status === 'offered' ? ticket.offered_agent_id : null;
  if (!ticket || !agentId) return null;
  const offer = { agentId, expiresAt: ticket.offer_expires_at };
  if ((await ctx.media.preparedCallOf(ticket.id, offer)) !== callId) return null;
  return { agent_id: agentId, kiosk_id: ticket.kiosk_id };
}

/**
 * Relays a peer-to-peer signal from `actor` to the other party of its call (or of the call its
 * ringing offer may start), and nowhere else.
 */
export async function relaySignal(
  ctx: ServiceContext,
  actor: Actor,
  input: CallSignal,
): Promise<null> {
  const active = await findActiveCall(ctx.db, input.callId);
  const call =
    active && isParty(active, actor) ? active : await ringingCallOf(ctx, actor, input.callId);
  if (!call) throw new LoketError('NOT_IN_CALL', 'you are not a party of this call');
  if (actor.kind === 'kiosk') ctx.notifier.signalToAgent(call.agent_id, input);
  else ctx.notifier.signalToKiosk(call.kiosk_id, input);
  return null;
}

/** Either party ends the call: the ticket is done and the agent goes to wrap-up. */
export async function endCall(ctx: ServiceContext, actor: Actor, input: CallRef): Promise<null> {
  const reason: CallEndReason = actor.kind === 'kiosk' ? 'ended_by_visitor' : 'ended_by_agent';
  await inTransaction(
    ctx,
    async (trx, outbox) => {
      const call = await findActiveCall(trx, input.callId);
      if (!call || !isParty(call, actor)) {
        throw new LoketError('NOT_IN_CALL', 'you are not a party of this call');
      }
      const ended = { kind: 'end' } as const;
      if (!(await finishCall(ctx, trx, outbox, call, ended, reason, auditedAs(actor)))) {
        throw new LoketError('NOT_IN_CALL', 'the call has already ended');
      }
    },
    // The room goes first, so a token of the call cannot join it once a party is told it ended.
    { beforeTelling: () => ctx.media.closeCall(input.callId) },
  );
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
  await inTransaction(
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
      await finishCall(ctx, trx, outbox, call, outcome, 'transferred', auditedAs(actor));
    },
    { beforeTelling: () => ctx.media.closeCall(input.callId) },
  );
  return null;
}
