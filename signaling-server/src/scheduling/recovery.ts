import type { Clock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import type { Db } from '../store/database.js';
import { listAgentsAtWork, signOutFreeAgents } from '../store/repositories/agents.js';
import { listKiosksHoldingTickets, returnEveryOffer } from '../store/repositories/tickets.js';
import { addTimers } from '../store/repositories/timers.js';
import { bumpEveryLineVersion } from '../store/repositories/waiting-line.js';

/**
 * After a restart no kiosk or console is connected yet. Offers in flight go back to the head of
 * their queue and free agents count as offline until they reconnect. Tickets and calls stay, and
 * every party they wait on gets the reconnect grace to come back (timers already set are kept).
 */
export async function recoverAfterRestart(
  db: Db,
  deps: { clock: Clock; ids: IdFactory; reconnectGraceMs: number },
): Promise<void> {
  const now = deps.clock();
  const due = now + deps.reconnectGraceMs;
  await db.transaction().execute(async (trx) => {
    await returnEveryOffer(trx, now);
    await signOutFreeAgents(trx, now);
    const timers = [
      ...(await listKiosksHoldingTickets(trx)).map((kiosk) => ({
        kind: 'kiosk_grace' as const,
        ref_id: kiosk.kiosk_id,
        office_id: kiosk.office_id,
      })),
      ...(await listAgentsAtWork(trx)).map((agent) => ({
        kind: 'agent_grace' as const,
        ref_id: agent.user_id,
        office_id: agent.office_id,
      })),
    ];
    await addTimers(
      trx,
      timers.map((timer) => ({ ...timer, id: deps.ids(), due_at: due })),
    );
    // Offers put back changed waiting lines: every instance reads its lines again.
    await bumpEveryLineVersion(trx);
  });
}
