import type { Db } from '../store/database.js';
import type { ServiceContext } from './context.js';
import { Outbox } from './outbox.js';

/** How a transaction's effects outside the database are run. */
export interface TransactionOptions<T> {
  /**
   * Runs between the commit and the telling, for an effect outside the database that the parties
   * must not be able to outrun (e.g. a call's media room is gone before they hear the call ended).
   */
  beforeTelling?: (result: T) => Promise<void>;
  /**
   * Whether offices whose queue changed are matched again afterwards (the default). Matching
   * itself says no: what it leaves unmatched cannot be matched until something else changes.
   */
  rematch?: boolean;
}

/**
 * Runs one use case in one transaction. Facts added to the outbox are told only after the
 * commit, and offices whose queue changed are matched again; a thrown error rolls everything back
 * and tells nothing.
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Db, outbox: Outbox) => Promise<T>,
  { beforeTelling, rematch = true }: TransactionOptions<T> = {},
): Promise<T> {
  const outbox = new Outbox();
  const result = await ctx.db.transaction().execute((trx) => work(trx, outbox));
  try {
    await beforeTelling?.(result);
  } finally {
    outbox.flush(ctx.notifier, ctx.telemetry, rematch ? ctx.requestDispatch : undefined);
  }
  return result;
}
