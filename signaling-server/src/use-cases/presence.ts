import type { ServiceContext } from '../context/context.js';
import { inTransaction } from '../context/transaction.js';
import { moveAgentBy } from '../queue/agent-moves.js';
import { returnOffer } from '../queue/offers.js';
import { findAgent, lockAgent } from '../store/repositories/agents.js';
import { findActiveTicketForKiosk, findOfferedTicket } from '../store/repositories/tickets.js';
import { clearTimer, setTimer } from '../store/repositories/timers.js';
import type { TimerKind } from '../store/schema.js';

/** Starts the grace a kiosk or console has to come back before what it holds is given up. */
async function startGrace(ctx: ServiceContext, kind: TimerKind, refId: string, officeId: string) {
  await setTimer(ctx.db, {
    id: ctx.ids(),
    office_id: officeId,
    kind,
    ref_id: refId,
    due_at: ctx.clock() + ctx.settings.reconnectGraceMs,
  });
}

/**
 * An officer's console connected: whatever the officer holds goes on, their grace is over (a
 * kiosk's ends in `kioskConnected`).
 */
export async function agentReturned(ctx: ServiceContext, userId: string): Promise<void> {
  await clearTimer(ctx.db, 'agent_grace', userId);
}

/** A kiosk's last socket went away with a ticket or call: it has the grace period to come back. */
export async function kioskLeft(
  ctx: ServiceContext,
  kiosk: { kioskId: string; officeId: string },
): Promise<void> {
  if (!(await findActiveTicketForKiosk(ctx.db, kiosk.kioskId))) return;
  await startGrace(ctx, 'kiosk_grace', kiosk.kioskId, kiosk.officeId);
}

/**
 * The agent's last console went away. A call in progress stays for the reconnect grace, so a
 * reloaded console resumes it. Otherwise the officer goes offline at once, an offer in hand going
 * back to the queue: wrap-up holds nothing to resume, and an officer whose console is gone must
 * not be counted on for the next visitor while it runs.
 */
export async function agentLeft(
  ctx: ServiceContext,
  actor: { userId: string; officeId: string },
): Promise<void> {
  const leftBusy = await inTransaction(ctx, async (trx, outbox) => {
    await lockAgent(trx, actor.userId);
    const agent = await findAgent(trx, actor.userId);
    if (!agent || agent.status === 'offline') return false;
    if (agent.status === 'busy') return true;
    const offered = await findOfferedTicket(trx, actor.userId);
    const event = agent.status === 'wrap_up' ? 'lose' : 'disconnect';
    if (offered) await returnOffer(ctx, trx, outbox, offered.id, 'disconnect', ctx.clock());
    else await moveAgentBy(trx, outbox, actor.userId, event, ctx.clock());
    return false;
  });
  if (leftBusy) await startGrace(ctx, 'agent_grace', actor.userId, actor.officeId);
}
