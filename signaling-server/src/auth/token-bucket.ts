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
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);
    this.updatedAt = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
