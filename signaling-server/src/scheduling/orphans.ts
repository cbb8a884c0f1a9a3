import type { ServiceContext } from '../context/context.js';
import { listAgentsOnDuty } from '../store/repositories/agents.js';
import { listKiosksHoldingTickets } from '../store/repositories/tickets.js';
import { addTimers } from '../store/repositories/timers.js';

/** How often the instances of a cluster look for parties nobody is holding. */
const ADOPT_EVERY_MS = 5000;

/**
 * When one instance of a cluster dies (kill -9) nobody hears its kiosks and consoles leave, so
 * nothing starts their reconnect grace. Every instance looks now and then for a kiosk holding a
 * ticket or an officer on duty with no socket on any instance, and starts the grace a disconnect
 * would have started (a grace already running is kept). The grace timer asks again before it
 * gives anything up, so a party that was only between two sockets loses nothing.
 */
export async function adoptOrphans(ctx: ServiceContext): Promise<number> {
  const [kiosks, agents] = await Promise.all([
    listKiosksHoldingTickets(ctx.db),
    listAgentsOnDuty(ctx.db),
  ]);
  if (kiosks.length === 0 && agents.length === 0) return 0;
  const present = await ctx.presence.everyone();
  const due = ctx.clock() + ctx.settings.reconnectGraceMs;
  const orphans = [
    ...kiosks
      .filter((kiosk) => !present.kioskIds.has(kiosk.kiosk_id))
      .map((kiosk) => ({
        kind: 'kiosk_grace' as const,
        ref_id: kiosk.kiosk_id,
        office_id: kiosk.office_id,
      })),
    ...agents
      .filter((agent) => !present.agentIds.has(agent.user_id))
      .map((agent) => ({
        kind: 'agent_grace' as const,
        ref_id: agent.user_id,
        office_id: agent.office_id,
      })),
  ];
  await addTimers(
    ctx.db,
    orphans.map((orphan) => ({ ...orphan, id: ctx.ids(), due_at: due })),
  );
  return orphans.length;
}

/** Looks for orphans every few seconds until stopped; a failed look is logged and retried. */
export function startAdopting(ctx: ServiceContext): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = adoptOrphans(ctx)
      .then(() => undefined)
      .catch((err: unknown) =>
        ctx.log.warn({ err }, 'looking for orphaned kiosks and consoles failed'),
      )
      .finally(() => (running = null));
  }, ADOPT_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
