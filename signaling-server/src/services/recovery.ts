import type { Clock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import type { Db } from '../store/database.js';
import { ACTIVE_TICKET_STATUSES } from '../store/repositories/tickets.js';

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
    await trx
      .updateTable('tickets')
      .set({ status: 'waiting', offered_agent_id: null, offer_expires_at: null, updated_at: now })
      .where('status', '=', 'offered')
      .execute();
    await trx
      .updateTable('agents')
      .set({ status: 'offline', status_since: now })
      .where('status', 'in', ['available', 'offered', 'away'])
      .execute();
    const kiosks = await trx
      .selectFrom('tickets')
      .select(['kiosk_id', 'office_id'])
      .distinct()
      .where('status', 'in', ACTIVE_TICKET_STATUSES)
      .execute();
    const agents = await trx
      .selectFrom('agents')
      .select(['user_id', 'office_id'])
      .where('status', 'in', ['busy', 'wrap_up'])
      .execute();
    const timers = [
      ...kiosks.map((k) => ({
        kind: 'kiosk_grace' as const,
        ref_id: k.kiosk_id,
        office_id: k.office_id,
      })),
      ...agents.map((a) => ({
        kind: 'agent_grace' as const,
        ref_id: a.user_id,
        office_id: a.office_id,
      })),
    ];
    for (const timer of timers) {
      await trx
        .insertInto('timers')
        .values({ ...timer, id: deps.ids(), due_at: due })
        .onConflict((oc) => oc.columns(['kind', 'ref_id']).doNothing())
        .execute();
    }
  });
}
