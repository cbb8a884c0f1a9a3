import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { expireOffer } from '../queue/offers.js';
import { listExpiredOffers } from '../store/repositories/tickets.js';

/**
 * Expires every offer whose time ran out: its ticket waits again at the head of its queue, and its
 * agent counts a miss, staying available after one and going away after a second in a row (the
 * core's `offerExpiry` decides). Due times live in the tickets' rows, so a restart loses none;
 * sweeping twice is harmless because an offer already returned is no longer `offered`.
 */
export async function sweepExpiredOffers(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock();
  const due = await listExpiredOffers(ctx.db, now);
  let expired = 0;
  for (const ticket of due) {
    try {
      await inTransaction(ctx, (trx, outbox) => expireOffer(ctx, trx, outbox, ticket.id, now));
      expired++;
    } catch (error) {
      if (!(error instanceof LoketError)) throw error;
    }
  }
  return expired;
}
