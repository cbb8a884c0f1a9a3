import type { Request } from 'express';
import { SlidingWindow } from '../auth/sliding-window.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';

/**
 * A budget of requests per client address in any minute, for routes anyone may call without
 * signing in; past it, RATE_LIMITED with when to try again.
 */
export function addressBudget(ctx: ServiceContext, perMinute: number, what: string) {
  const requests = new SlidingWindow(perMinute, 60_000);
  return (req: Request) => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const now = ctx.clock();
    const verdict = requests.check(address, now);
    if (!verdict.allowed) {
      throw new LoketError('RATE_LIMITED', `too many ${what} requests`, verdict.retryAt);
    }
    requests.record(address, now);
  };
}
