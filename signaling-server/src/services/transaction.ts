import type { Db } from '../store/database.js';
import type { ServiceContext } from './context.js';
import { Outbox } from './notifier.js';

/**
 * Runs one use case in one transaction. Facts added to the outbox are told only after the
 * commit; a thrown error rolls everything back and tells nothing.
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Db, outbox: Outbox) => Promise<T>,
): Promise<T> {
  const outbox = new Outbox();
  const result = await ctx.db.transaction().execute((trx) => work(trx, outbox));
  outbox.flush(ctx.notifier);
  return result;
}
