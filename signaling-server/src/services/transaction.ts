import type { Db } from '../store/database.js';
import type { ServiceContext } from './context.js';
import { Outbox } from './notifier.js';

/**
 * Runs one use case in one transaction. Facts added to the outbox are told only after the
 * commit; a thrown error rolls everything back and tells nothing. `beforeTelling` runs between
 * the commit and the telling, for an effect outside the database that the parties must not
 * be able to outrun (e.g. a call's media room is gone before they hear the call ended).
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Db, outbox: Outbox) => Promise<T>,
  beforeTelling?: (result: T) => Promise<void>,
): Promise<T> {
  const outbox = new Outbox();
  const result = await ctx.db.transaction().execute((trx) => work(trx, outbox));
  try {
    await beforeTelling?.(result);
  } finally {
    outbox.flush(ctx.notifier);
  }
  return result;
}
