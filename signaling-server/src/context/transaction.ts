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
 * **Lock order.** A transaction that writes rows of more than one of these kinds takes them in
 * this order: the ticket, then the agent, then the call, then timers, and last the versions of
 * the waiting lines it changed (`WaitingLine.seal`), in the order of their offices' ids. Two
 * transactions that follow it may wait for each other's rows but never each for the other, so
 * PostgreSQL has no deadlock to break. Matching (all its tickets in one statement, then all its
 * agents in one) and accepting (ticket, agent, call), ending a call (`finishCall`
 * locks the ticket and the agent before it marks the call ended) and a sweep of due timers (the
 * timer's row is taken after its effect) keep to it, and kiosks that connect together are written
 * kiosk rows first, in the order of their ids, then their timers (`kioskConnected`). Bootstraps
 * read together lock their kiosks' tickets only, in the order of their ids, for one statement
 * (`findTicketWithLine`). A deadlock that still happens is a bug, and the retry below keeps it
 * from reaching the user while its warning is looked into.
 */

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
  let lineVersions: ReadonlyMap<string, number> = new Map();
  for (let attempt = 1; ; attempt++) {
    try {
      result = await ctx.db.transaction().execute(async (trx) => {
        const done = await work(trx, outbox);
        lineVersions = await ctx.line.seal(trx, outbox.lineChanges);
        return done;
      });
      break;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
      // The attempt rolled back: what it would have told is dropped with it.
      outbox = new Outbox();
      ctx.log.warn({ err: error, attempt }, 'transaction retried after a deadlock');
    }
  }
  if (lineVersions.size > 0) ctx.line.committed(lineVersions, outbox.lineChanges);
  try {
    await beforeTelling?.(result);
  } finally {
    outbox.flush(ctx.notifier, ctx.telemetry, rematch ? ctx.requestDispatch : undefined);
  }
  return result;
}
