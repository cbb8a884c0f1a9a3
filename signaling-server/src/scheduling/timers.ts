import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import type { Outbox } from '../context/outbox.js';
import { inTransaction } from '../context/transaction.js';
import { parseMediaGraceRef } from '../media/identity.js';
import { roomOf } from '../media/livekit.js';
import { moveAgentBy } from '../queue/agent-moves.js';
import { finishCall } from '../queue/call-outcome.js';
import { closeTicket } from '../queue/offers.js';
import type { Db } from '../store/database.js';
import { findAgent } from '../store/repositories/agents.js';
import { findActiveCall, findActiveCallOf } from '../store/repositories/calls.js';
import { findActiveTicketForKiosk } from '../store/repositories/tickets.js';
import { listDueTimers, takeTimer, timerIsSet } from '../store/repositories/timers.js';
import type { TimerRow } from '../store/schema.js';

const SYSTEM = 'system';

/**
 * Whether the party of a media-grace timer is back in the call's room. Webhooks may arrive out of
 * order (a quick rejoin can be reported before the leave), so the room itself has the last word.
 */
async function mediaIsBack(ctx: ServiceContext, ref: string): Promise<boolean> {
  const subject = parseMediaGraceRef(ref);
  if (!subject) return false;
  const { callId, identity } = subject;
  return (await ctx.media.livekit?.hasParticipant(roomOf(callId), identity)) ?? false;
}

/** Does what a due timer is for; returns the call it ended, whose media can then be closed. */
async function fire(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  timer: TimerRow,
): Promise<string | null> {
  switch (timer.kind) {
    case 'wrap_up_end': {
      const agent = await findAgent(trx, timer.ref_id);
      if (agent?.status === 'wrap_up') {
        // An officer whose console is gone is not ready for the next visitor.
        const here = await ctx.presence.agentConnected(timer.ref_id);
        await moveAgentBy(trx, outbox, timer.ref_id, here ? 'endWrapUp' : 'lose', ctx.clock());
      }
      return null;
    }
    case 'kiosk_grace': {
      // A disconnect handled after the reconnect may have set this timer for a kiosk that is back.
      if (await ctx.presence.kioskConnected(timer.ref_id)) return null;
      const call = await findActiveCallOf(trx, { kioskId: timer.ref_id });
      if (call) {
        await finishCall(ctx, trx, outbox, call, { kind: 'abandon' }, 'connection_lost', SYSTEM);
        return call.id;
      }
      const ticket = await findActiveTicketForKiosk(trx, timer.ref_id);
      if (ticket) {
        await closeTicket(ctx, trx, outbox, ticket, 'abandon', ctx.clock());
        await audit(ctx, trx, {
          officeId: ticket.office_id,
          by: SYSTEM,
          action: 'ticket.abandoned',
          subjectId: ticket.id,
          details: { reason: 'kiosk did not reconnect within the grace period' },
        });
      }
      return null;
    }
    case 'agent_grace': {
      if (await ctx.presence.agentConnected(timer.ref_id)) return null;
      const call = await findActiveCallOf(trx, { agentId: timer.ref_id });
      if (call) {
        await finishCall(ctx, trx, outbox, call, { kind: 'requeue' }, 'connection_lost', SYSTEM);
        return call.id;
      }
      const agent = await findAgent(trx, timer.ref_id);
      if (agent?.status === 'wrap_up') {
        await moveAgentBy(trx, outbox, timer.ref_id, 'lose', ctx.clock());
      } else if (agent?.status === 'available') {
        await moveAgentBy(trx, outbox, timer.ref_id, 'disconnect', ctx.clock());
      }
      return null;
    }
    case 'media_grace': {
      // The visitor who lost their media has gone; an officer's lost media sends the visitor
      // back to the front for the next officer.
      const subject = parseMediaGraceRef(timer.ref_id);
      const call = subject && (await findActiveCall(trx, subject.callId));
      if (!subject || !call) return null;
      const outcome = subject.party === 'kiosk' ? ('abandon' as const) : ('requeue' as const);
      await finishCall(ctx, trx, outbox, call, { kind: outcome }, 'connection_lost', SYSTEM);
      return call.id;
    }
  }
}

/**
 * Runs every timer that is due, each in one transaction with its effect, so a crash before the
 * commit leaves it to the next sweep. A timer cleared since it was listed (the party came back,
 * the officer ended wrap-up) does nothing. Its row is taken after the effect, by the lock order of
 * `context/transaction.ts`: a use case that moves an agent and then drops the agent's timer (an
 * officer ending wrap-up by hand) must never wait for a sweep that holds the timer and waits for
 * the agent. The effect may have dropped the row itself (ending a call drops its media-grace
 * timers), and a second sweep of the same timer finds its effect done: every effect moves rows
 * only from the state it read.
 */
export async function sweepDueTimers(ctx: ServiceContext): Promise<number> {
  const due = await listDueTimers(ctx.db, ctx.clock());
  const endedCalls: string[] = [];
  for (const timer of due) {
    try {
      // Asked outside the transaction: it is a request to the media server.
      const back = timer.kind === 'media_grace' && (await mediaIsBack(ctx, timer.ref_id));
      const ended = await inTransaction(ctx, async (trx, outbox) => {
        if (!(await timerIsSet(trx, timer.id))) return null;
        const effect = back ? null : await fire(ctx, trx, outbox, timer);
        await takeTimer(trx, timer.id);
        return effect;
      });
      if (ended) endedCalls.push(ended);
    } catch (error) {
      if (!(error instanceof LoketError)) throw error;
      ctx.log.warn({ err: error, timer }, 'timer found nothing to do');
    }
  }
  await Promise.all(endedCalls.map((callId) => ctx.media.closeCall(callId)));
  return due.length;
}
