import { findAgent } from '../store/repositories/agents.js';
import { mediaIsBack, parseMediaGraceRef } from '../media/media-events.js';
import { findActiveCall, findActiveCallOf } from '../store/repositories/calls.js';
import { findActiveTicketForKiosk } from '../store/repositories/tickets.js';
import { clearTimer, listDueTimers, setTimer, takeTimer } from '../store/repositories/timers.js';
import type { Db } from '../store/database.js';
import type { TimerRow } from '../store/schema.js';
import { finishCall } from './call-service.js';
import type { ServiceContext } from './context.js';
import { LoketError } from './errors.js';
import type { Outbox } from './notifier.js';
import { abandonTicket, moveAgentBy } from './offers.js';
import { inTransaction } from './transaction.js';

/** A kiosk went away with a ticket or call: it has the grace period to come back. */
export async function kioskLeft(
  ctx: ServiceContext,
  kioskId: string,
  officeId: string,
): Promise<void> {
  if (!(await findActiveTicketForKiosk(ctx.db, kioskId))) return;
  await setTimer(ctx.db, {
    id: ctx.ids(),
    office_id: officeId,
    kind: 'kiosk_grace',
    ref_id: kioskId,
    due_at: ctx.clock() + ctx.settings.reconnectGraceMs,
  });
}

/** A kiosk is back: its ticket and call go on. */
export async function kioskReturned(ctx: ServiceContext, kioskId: string): Promise<void> {
  await clearTimer(ctx.db, 'kiosk_grace', kioskId);
}

/** A console went away mid-call or in wrap-up: the agent has the grace period to come back. */
export async function agentLeftBusy(
  ctx: ServiceContext,
  agentId: string,
  officeId: string,
): Promise<void> {
  await setTimer(ctx.db, {
    id: ctx.ids(),
    office_id: officeId,
    kind: 'agent_grace',
    ref_id: agentId,
    due_at: ctx.clock() + ctx.settings.reconnectGraceMs,
  });
}

/** A console is back: its call goes on. */
export async function agentReturned(ctx: ServiceContext, agentId: string): Promise<void> {
  await clearTimer(ctx.db, 'agent_grace', agentId);
}

/** Does what a due timer is for; returns the call it ended, whose media can then be closed. */
async function fire(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  timer: TimerRow,
): Promise<string | null> {
  const system = { type: 'system' as const, id: null };
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
        await finishCall(ctx, trx, outbox, call, { kind: 'abandon' }, 'connection_lost', system);
        return call.id;
      }
      const ticket = await findActiveTicketForKiosk(trx, timer.ref_id);
      if (ticket) await abandonTicket(ctx, trx, outbox, ticket);
      return null;
    }
    case 'agent_grace': {
      if (await ctx.presence.agentConnected(timer.ref_id)) return null;
      const call = await findActiveCallOf(trx, { agentId: timer.ref_id });
      if (call) {
        await finishCall(ctx, trx, outbox, call, { kind: 'requeue' }, 'connection_lost', system);
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
      await finishCall(ctx, trx, outbox, call, { kind: outcome }, 'connection_lost', system);
      return call.id;
    }
  }
}

/**
 * Runs every timer that is due. Taking a timer deletes its row in the same transaction as its
 * effect, so two sweepers (or two instances) never run one twice, and a crash before the commit
 * leaves it to the next sweep.
 */
export async function sweepDueTimers(ctx: ServiceContext): Promise<number> {
  const due = await listDueTimers(ctx.db, ctx.clock());
  const offices = new Set<string>();
  const endedCalls: string[] = [];
  for (const timer of due) {
    try {
      // Asked outside the transaction: it is a request to the media server.
      const back = timer.kind === 'media_grace' && (await mediaIsBack(ctx, timer.ref_id));
      const fired = await inTransaction(ctx, async (trx, outbox) => {
        if (!(await takeTimer(trx, timer.id))) return false;
        if (back) return false;
        const ended = await fire(ctx, trx, outbox, timer);
        if (ended) endedCalls.push(ended);
        return true;
      });
      if (fired) offices.add(timer.office_id);
    } catch (error) {
      if (!(error instanceof LoketError)) throw error;
      ctx.log.warn({ err: error, timer }, 'timer found nothing to do');
    }
  }
  for (const officeId of offices) ctx.requestDispatch(officeId);
  await Promise.all(endedCalls.map((callId) => ctx.media.closeCall(callId)));
  return due.length;
}
