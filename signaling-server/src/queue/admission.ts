import { monitorEventLoopDelay, type RecordableHistogram } from 'node:perf_hooks';

/** Whether new tickets are taken now; `refusal` gives when to try again while they are not. */
export interface Admission {
  /** Null: take the ticket. Else the time (epoch ms) from which asking again makes sense. */
  refusal(now: number): number | null;
  close(): void;
}

/** How many windows in a row past the limit mean the server is past what it can serve. */
const WINDOWS_OVER = 2;

/**
 * Load shedding from how far the server falls behind: its event loop's delay, or its statements'
 * wait for a connection to the store. A server past its capacity falls behind on every event,
 * so each ticket taken then slows every call already running; refusing new tickets until it has
 * caught up keeps the visitors it already has served at the rate it can manage.
 * Two windows in a row past the limit start a refusal of `holdMs`, renewed while the delay lasts;
 * one slow moment (a pause to collect garbage) is not enough.
 */
export class LagAdmission implements Admission {
  #over = 0;
  #busyUntil = -Infinity;

  constructor(
    private readonly limitMs: number,
    private readonly holdMs: number,
  ) {}

  /** One window's delay (its 99th percentile, in ms), measured at `now`. */
  note(delayMs: number, now: number): void {
    this.#over = delayMs > this.limitMs ? this.#over + 1 : 0;
    if (this.#over >= WINDOWS_OVER) this.#busyUntil = now + this.holdMs;
  }

  refusal(now: number): number | null {
    return now < this.#busyUntil ? this.#busyUntil : null;
  }

  close(): void {}
}

/** Takes every ticket: no limit configured. */
export const ALWAYS_ADMIT: Admission = { refusal: () => null, close: () => {} };

/**
 * Feeds a `LagAdmission` every `windowMs` with the longer of this process's event-loop delay and,
 * given the store's `connectionWaits` (microseconds), its statements' wait for a connection. On
 * SQLite a server past its capacity falls behind in its own thread. On PostgreSQL it falls
 * behind in the store: its event loop kept within 11 ms at the 99th percentile past capacity,
 * while transactions waited for one of the pool's connections, the more so the more instances
 * shared the store's rows.
 */
export function watchDelays(
  admission: LagAdmission,
  clock: () => number,
  connectionWaits?: RecordableHistogram,
  windowMs = 1000,
): Admission {
  const delay = monitorEventLoopDelay({ resolution: 20 });
  delay.enable();
  const timer = setInterval(() => {
    const loopMs = delay.percentile(99) / 1e6;
    const storeMs = connectionWaits?.count ? connectionWaits.percentile(99) / 1e3 : 0;
    admission.note(Math.max(loopMs, storeMs), clock());
    delay.reset();
    connectionWaits?.reset();
  }, windowMs);
  timer.unref();
  return {
    refusal: (now) => admission.refusal(now),
    close() {
      clearInterval(timer);
      delay.disable();
    },
  };
}
