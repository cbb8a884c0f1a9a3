import type { ServiceContext } from '../context/context.js';

/** How often due retries are sent and forwarded complaints' status asked for. */
export const COMPLAINT_INTERVAL_MS = 60 * 1000;

/** The running complaint job. */
export interface ComplaintJob {
  /** Stops it; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `followUp` (the use case that sends again the complaints LAPOR! could not take once their
 * retry is due, and closes those LAPOR! closed) every `intervalMs`, one run at a time; nothing
 * runs when LAPOR! is not configured. A complaint sent by two instances at once keeps one
 * tracking id: each send carries the complaint's id as its key.
 */
export function startComplaintJob(
  ctx: ServiceContext,
  followUp: () => Promise<{ forwarded: number; closed: number }>,
  intervalMs = COMPLAINT_INTERVAL_MS,
): ComplaintJob {
  if (!ctx.complaints) return { stop: async () => undefined };
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = followUp()
      .then((done) => {
        if (done.forwarded + done.closed > 0) ctx.log.info(done, 'complaints followed up');
      })
      .catch((err: unknown) => ctx.log.error({ err }, 'complaint job failed'))
      .finally(() => (running = null));
  };
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
