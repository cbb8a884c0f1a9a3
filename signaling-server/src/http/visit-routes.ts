import { restRoutes } from '@loket/shared';
import { Router, type Request } from 'express';
import { SlidingWindow } from '../auth/sliding-window.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { cancelVisit, visitStatus } from '../use-cases/visit.js';
import { serveRoute } from './typed-route.js';

/**
 * Requests per client address in any minute. A phone asks every few seconds, and a lobby's
 * visitors may share one address behind its Wi-Fi; a link's secret cannot be guessed anyway.
 */
const VISIT_REQUESTS_PER_MINUTE = 600;

/** A visitor's phone follows their visit, and may give it up, by the secret in its link. */
export function visitRoutes(ctx: ServiceContext): Router {
  const router = Router();
  const requests = new SlidingWindow(VISIT_REQUESTS_PER_MINUTE, 60_000);
  const withinBudget = (req: Request) => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const now = ctx.clock();
    const verdict = requests.check(address, now);
    if (!verdict.allowed) {
      throw new LoketError('RATE_LIMITED', 'too many visit requests', verdict.retryAt);
    }
    requests.record(address, now);
  };
  serveRoute(router, restRoutes.visitStatus, async ({ body, req }) => {
    withinBudget(req);
    return visitStatus(ctx, body.token);
  });
  serveRoute(router, restRoutes.cancelVisit, async ({ body, req }) => {
    withinBudget(req);
    await cancelVisit(ctx, body.token);
  });
  return router;
}
