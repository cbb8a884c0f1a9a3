import type {
  AcceptOffer,
  AcceptResult,
  AgentBootstrap,
  AgentResult,
  OfferRef,
  SetAgentStatus,
} from '@loket/shared';
import { ticketTransition } from '../core/ticket-machine.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { MediaUnavailableError } from '../media/provider.js';
import { moveAgentBy } from '../queue/agent-moves.js';
import { kioskParticipant } from '../queue/kiosk-media.js';
import { measureOfferEnd, returnOffer } from '../queue/offers.js';
import { offerPeers } from '../queue/prepared-peers.js';
import { changeTicket } from '../queue/ticket-moves.js';
import { dispositionsOf } from './call-record.js';
import { agentView, callStart, offerView, serviceView, ticketView } from '../read-models/views.js';
import { ensureAgent, findAgent, lockAgent } from '../store/repositories/agents.js';
import { findActiveCallOf, findLastEndedCall, insertCall } from '../store/repositories/calls.js';
import { findOffice, findService, listServices } from '../store/repositories/offices.js';
import { findOfferedTicket, findTicket } from '../store/repositories/tickets.js';
import { clearTimer } from '../store/repositories/timers.js';
import type { CallRow } from '../store/schema.js';

/** A signed-in agent as they act. */
export interface AgentActor {
  userId: string;
  officeId: string;
}

/**
 * What a console needs on (re)connect: the agent's state and any offer or call they hold. Read in
 * one transaction holding the agent's row, so every change to this agent (an offer made, declined
 * or withdrawn, a call) either committed before it, and its events went out before this answer,
 * or waits until after it: a console never gets a snapshot older than an event it already had.
 */
export async function bootstrapAgent(
  ctx: ServiceContext,
  actor: AgentActor,
): Promise<AgentBootstrap> {
  return ctx.db.transaction().execute(async (db) => {
    await ensureAgent(db, { id: actor.userId, office_id: actor.officeId }, ctx.clock());
    await lockAgent(db, actor.userId);
    const agent = await findAgent(db, actor.userId);
    if (!agent) throw new LoketError('NOT_FOUND', 'no such agent');
    const offered = await findOfferedTicket(db, actor.userId);
    const service = offered && (await findService(db, actor.officeId, offered.service_id));
    const call = await findActiveCallOf(db, { agentId: actor.userId });
    const ticket = call && (await findTicket(db, call.ticket_id));
    const servedCall =
      agent.status === 'wrap_up' ? await findLastEndedCall(db, actor.userId) : undefined;
    const served = servedCall && (await findTicket(db, servedCall.ticket_id));
    return {
      agent: agentView(agent),
      offer:
        offered && service
          ? offerView(offered, service, await offerPeers(ctx, offered, actor.userId))
          : null,
      call:
        call && ticket
          ? callStart(
              call,
              ticket,
              'agent',
              ticket.number,
              await ctx.media.join(call.id, {
                role: 'agent',
                id: actor.userId,
                name: agent.display_name,
              }),
            )
          : null,
      services: (await listServices(db, actor.officeId)).map(serviceView),
      lastServed:
        served?.status === 'done' && servedCall
          ? {
              ticketId: served.id,
              ticketNumber: served.number,
              notes: servedCall.notes,
              disposition: servedCall.disposition,
            }
          : null,
      dispositions: dispositionsOf(await findOffice(db, actor.officeId)).filter((d) => !d.retired),
    };
  });
}

/** An agent goes available or away; refused during an offer or a call. */
export async function setAgentStatus(
  ctx: ServiceContext,
  actor: AgentActor,
  input: SetAgentStatus,
): Promise<AgentResult> {
  // The answer is the agent as this transaction left them: matching starts only after it, so
  // the agent hears "available" first, then "offered".
  return inTransaction(ctx, async (trx, outbox) => {
    await ensureAgent(trx, { id: actor.userId, office_id: actor.officeId }, ctx.clock());
    await lockAgent(trx, actor.userId);
    const event = input.status === 'available' ? 'goAvailable' : 'goAway';
    const agent = await moveAgentBy(trx, outbox, actor.userId, event, ctx.clock());
    // Ending wrap-up by hand makes its timer moot.
    await clearTimer(trx, 'wrap_up_end', actor.userId);
    return { agent };
  });
}

/**
 * An agent takes the ticket offered to them: the call's media is opened, then the call starts for
 * both parties. If the media server cannot be reached the ticket goes back to the head of the
 * queue and the agent is told `MEDIA_UNAVAILABLE`.
 */
export async function acceptOffer(
  ctx: ServiceContext,
  actor: AgentActor,
  input: AcceptOffer,
): Promise<AcceptResult> {
  const held = await findTicket(ctx.db, input.ticketId);
  if (!held || held.status !== 'offered' || held.offered_agent_id !== actor.userId) {
    throw new LoketError('OFFER_NOT_HELD', 'this ticket is not offered to you');
  }
  // A room opened while the offer rang, which both parties may have joined already, is the call's.
  const preparedCallId = await ctx.media.takePreparedRoom(held.id, actor.userId);
  const callId = preparedCallId ?? ctx.ids();
  try {
    if (!preparedCallId) await ctx.media.openCall(callId);
  } catch (err) {
    if (!(err instanceof MediaUnavailableError)) throw err;
    await inTransaction(ctx, (trx, outbox) =>
      returnOffer(ctx, trx, outbox, held.id, 'decline', ctx.clock()),
    );
    throw new LoketError('MEDIA_UNAVAILABLE', err.message);
  }
  return inTransaction(ctx, async (trx, outbox) => {
    const ticket = await findTicket(trx, input.ticketId);
    if (!ticket || ticket.status !== 'offered' || ticket.offered_agent_id !== actor.userId) {
      throw new LoketError('OFFER_NOT_HELD', 'this ticket is not offered to you');
    }
    const move = ticketTransition(ticket.status, 'accept');
    if (!move.ok) throw new LoketError('INVALID_STATE', 'ticket cannot be accepted');
    const now = ctx.clock();
    const change = { status: move.next, updated_at: now, offer_expires_at: null };
    const ended = new LoketError('OFFER_NOT_HELD', 'the offer ended meanwhile');
    measureOfferEnd(ctx, outbox, ticket, 'accepted', now);
    const updated = await changeTicket(trx, outbox, ticket, change, ended);
    const agent = await moveAgentBy(trx, outbox, actor.userId, 'accept', now, { answered: true });
    const call: CallRow = {
      id: callId,
      ticket_id: ticket.id,
      office_id: ticket.office_id,
      agent_id: actor.userId,
      kiosk_id: ticket.kiosk_id,
      transport: ctx.media.transport,
      started_at: now,
      ended_at: null,
      end_reason: null,
      notes: null,
      disposition: null,
    };
    await insertCall(trx, call);
    outbox.measure((t) => {
      // A visitor put back in the queue (transfer, lost call) was answered once already.
      if (ticket.priority !== 'transfer') {
        const place = { officeId: ticket.office_id, serviceId: ticket.service_id };
        t.visitorAnswered(place, now - ticket.created_at);
      }
      t.callStarted(call.office_id, call.transport);
    });
    await audit(ctx, trx, {
      officeId: ticket.office_id,
      by: actor,
      action: 'offer.accepted',
      subjectId: ticket.id,
      details: { callId: call.id },
    });
    const agentName = agent.displayName;
    const kioskMedia = await ctx.media.join(
      call.id,
      await kioskParticipant(trx, ticket.kiosk_id, ticket.number),
    );
    const agentMedia = await ctx.media.join(call.id, {
      role: 'agent',
      id: actor.userId,
      name: agentName,
    });
    outbox.add((n) => {
      n.ticketUpdated(ticket.kiosk_id, ticketView(updated, null));
      n.callStarted(ticket.kiosk_id, callStart(call, updated, 'kiosk', agentName, kioskMedia));
    });
    return { call: callStart(call, updated, 'agent', ticket.number, agentMedia) };
  });
}

/** An agent turns an offer down: the ticket goes back to the head and is offered again. */
export async function declineOffer(
  ctx: ServiceContext,
  actor: AgentActor,
  input: OfferRef,
): Promise<AgentResult> {
  // As in setStatus: the answer to the decline reaches the agent before any next offer.
  return inTransaction(ctx, async (trx, outbox) => {
    const ticket = await findTicket(trx, input.ticketId);
    if (!ticket || ticket.status !== 'offered' || ticket.offered_agent_id !== actor.userId) {
      throw new LoketError('OFFER_NOT_HELD', 'this ticket is not offered to you');
    }
    await returnOffer(ctx, trx, outbox, ticket.id, 'decline', ctx.clock());
    const agent = await findAgent(trx, actor.userId);
    if (!agent) throw new LoketError('NOT_FOUND', 'no such agent');
    return { agent: agentView(agent) };
  });
}
