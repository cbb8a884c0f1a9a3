import { callbackNumberDue, retentionOf } from '../core/retention.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { inTransaction } from '../context/transaction.js';
import { eraseCallbackPhones, listKeptClosedCallbacks } from '../store/repositories/callbacks.js';
import { listOffices } from '../store/repositories/offices.js';

/** How often personal data past its period is looked for: periods are whole days. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The retention job: in every office, erases the call-back numbers whose period has passed and
 * writes what it erased (how many, which requests — never the numbers) to the audit log. Returns
 * how many numbers it erased in all.
 */
export async function applyRetention(ctx: ServiceContext): Promise<number> {
  let erased = 0;
  for (const office of await listOffices(ctx.db)) {
    const { callbackDays } = retentionOf(office);
    erased += await inTransaction(ctx, async (trx) => {
      const now = ctx.clock();
      const due = (await listKeptClosedCallbacks(trx, office.id))
        .filter((callback) => callbackNumberDue(callback, callbackDays, now))
        .map((callback) => callback.id);
      const count = await eraseCallbackPhones(trx, due, now);
      if (count > 0) {
        await audit(ctx, trx, {
          officeId: office.id,
          by: 'system',
          action: 'retention.applied',
          subjectId: null,
          details: { callbackNumbersErased: count, callbackIds: due },
        });
      }
      return count;
    });
  }
  if (erased > 0) ctx.log.info({ erased }, 'retention: call-back numbers erased');
  return erased;
}

/** The running retention job. */
export interface RetentionJob {
  /** Stops it; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Applies the offices' retention periods at start and then every `intervalMs`. Every instance
 * may run it: erasing is idempotent, and a number erased twice is counted once.
 */
export function startRetentionJob(
  ctx: ServiceContext,
  intervalMs = RETENTION_INTERVAL_MS,
): RetentionJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = applyRetention(ctx)
      .then(() => undefined)
      .catch((err: unknown) => ctx.log.error({ err }, 'retention job failed'))
      .finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
