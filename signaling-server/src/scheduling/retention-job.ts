import type { ServiceContext } from '../context/context.js';
import { applyRetention } from '../use-cases/retention.js';

/** How often personal data past its period is looked for: periods are whole days. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

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
