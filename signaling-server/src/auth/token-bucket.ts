/**
 * A token bucket: holds up to `capacity` tokens, refilled at `perSecond`, so a client may burst up
 * to the capacity and then keep the refill rate. Time comes from the caller.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes `cost` tokens if there are that many at `now`; false (taking none) otherwise. */
  take(cost: number, now: number): boolean {
    this.tokens = refilled(this.tokens, this.capacity, this.perSecond, now - this.updatedAt);
    this.updatedAt = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}

/** What a bucket holding `tokens` holds `elapsedMs` later: refilled at `perSecond`, up to `capacity`. */
export function refilled(
  tokens: number,
  capacity: number,
  perSecond: number,
  elapsedMs: number,
): number {
  return Math.min(capacity, tokens + (Math.max(0, elapsedMs) / 1000) * perSecond);
}
