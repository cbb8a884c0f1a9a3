import type { Clock } from '../clock.js';
import type { Db } from '../store/database.js';

/**
 * After a restart no console is connected, so offers in flight go back to the head of their
 * queue and their agents count as offline until they reconnect. Calls stay: both parties resume
 * them on reconnect.
 */
export async function resetOffersAfterRestart(db: Db, clock: Clock): Promise<void> {
  const now = clock();
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
  });
}
