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

/** How often a transaction PostgreSQL gave up on (a deadlock) is run at the most. */
const MAX_ATTEMPTS = 3;

/**
 * PostgreSQL's verdicts that end a transaction through no fault of its own and that the same
 * transaction, run again, gets past: a deadlock (one of two transactions locking the same rows
 * in another order is chosen to fail) and a serialization failure.
 */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * Runs one use case in one transaction. Facts added to the outbox are told only after the
 * commit, and offices whose queue changed are matched again; a thrown error rolls everything back
 * and tells nothing. A transaction that PostgreSQL ends for a deadlock is run again, from the
 * start, a few times before its error is let through.
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Db, outbox: Outbox) => Promise<T>,
  { beforeTelling, rematch = true }: TransactionOptions<T> = {},
): Promise<T> {
  let outbox = new Outbox();
  let result: T;
  for (let attempt = 1; ; attempt++) {
    try {
      result = await ctx.db.transaction().execute((trx) => work(trx, outbox));
      break;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
      // The attempt rolled back: what it would have told is dropped with it.
      outbox = new Outbox();
      ctx.log.warn({ err: error, attempt }, 'transaction retried after a deadlock');
    }
  }
  try {
    await beforeTelling?.(result);
  } finally {
    outbox.flush(ctx.notifier, ctx.telemetry, rematch ? ctx.requestDispatch : undefined);
  }
  return result;
}
