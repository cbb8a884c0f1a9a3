import { listExpiredOffers } from '../store/repositories/tickets.js';
import type { ServiceContext } from './context.js';
import { LoketError } from './errors.js';
import { returnOffer } from './offers.js';
import { inTransaction } from './transaction.js';

/**
 * Returns every offer whose time ran out to the head of its queue and sends its agent away.
 * Due times live in the tickets' rows, so a restart loses none; sweeping twice is harmless
 * because an offer already returned is no longer `offered`.
 */
export async function sweepExpiredOffers(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock();
  const due = await listExpiredOffers(ctx.db, now);
  const offices = new Set<string>();
  for (const ticket of due) {
    try {
      await inTransaction(ctx, (trx, outbox) =>
        returnOffer(ctx, trx, outbox, ticket.id, 'miss', now),
      );
      offices.add(ticket.office_id);
    } catch (error) {
      if (!(error instanceof LoketError)) throw error;
    }
  }
  for (const officeId of offices) ctx.requestDispatch(officeId);
  return offices.size;
}
