/** What a sliding window says of one more attempt. */
export type WindowVerdict = { allowed: true } | { allowed: false; retryAt: number };

/**
 * Counts events per key over the last `windowMs`, exactly (a log of times, not fixed buckets), so
 * an attacker gains nothing by timing attempts around a bucket's edge. Keys whose events have all
 * aged out are forgotten, so memory follows the keys active in one window.
 */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Whether one more event for `key` at `now` stays within the limit; does not record it. */
  check(key: string, now: number): WindowVerdict {
    const times = this.recent(key, now);
    if (times.length < this.limit) return { allowed: true };
    return { allowed: false, retryAt: times[times.length - this.limit]! + this.windowMs };
  }

  /** Records one event for `key` at `now`. */
  record(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    this.events.set(key, times);
  }

  /** Forgets `key`'s events (e.g. a correct password ends a run of wrong ones). */
  clear(key: string): void {
    this.events.delete(key);
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.events.size;
  }

  /**
   * Times are recorded in order, so the aged-out ones are a prefix: dropping only that keeps a
   * check as cheap as the events that expired since the last one, where copying the whole log
   * made every handshake from one busy address cost as much as all the others in the window.
   */
  private recent(key: string, now: number): number[] {
    const times = this.events.get(key);
    if (!times) return [];
    const from = now - this.windowMs;
    let aged = 0;
    while (aged < times.length && times[aged]! <= from) aged += 1;
    if (aged === times.length) {
      this.events.delete(key);
      return [];
    }
    if (aged > 0) times.splice(0, aged);
    return times;
  }

  /** Drops every key with no event in the window; call now and then to bound memory. */
  prune(now: number): void {
    for (const key of [...this.events.keys()]) this.recent(key, now);
  }
}
