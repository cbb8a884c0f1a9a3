import type { ServiceContext } from '../context/context.js';
import { sweepExpiredOffers } from './offer-sweep.js';
import { revokedKioskSweep } from './revoked-kiosks.js';
import { sweepDueTimers } from './timers.js';

/** The running sweep of due offers and timers. */
export interface SweepLoop {
  /** Stops sweeping; resolves once a sweep in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Every `intervalMs`, expires due offers, runs due timers and closes revoked kiosks' sockets. A sweep that is still running when
 * the next is due is not doubled; a failed sweep is logged and the next one tries again.
 */
export function startSweeping(ctx: ServiceContext, intervalMs: number): SweepLoop {
  let sweeping: Promise<void> | null = null;
  let stopped = false;
  const closeRevokedKiosks = revokedKioskSweep(ctx);
  const timer = setInterval(() => {
    if (sweeping || stopped) return;
    sweeping = sweepExpiredOffers(ctx)
      .then(() => sweepDueTimers(ctx))
      .then(() => closeRevokedKiosks())
      .then(() => undefined)
      .catch((err: unknown) => ctx.log.error({ err }, 'sweeping timers failed'))
      .finally(() => (sweeping = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await sweeping;
    },
  };
}
