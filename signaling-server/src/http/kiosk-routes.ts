import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import { SlidingWindow } from '../auth/sliding-window.js';
import type { ServiceContext } from '../context/context.js';
import { pairKiosk } from '../use-cases/kiosk-enrolment.js';
import { serveRoute } from './typed-route.js';

/** Pairing attempts per client address in any minute: plenty for staff, nothing for guessing. */
const PAIRING_ATTEMPTS_PER_MINUTE = 10;

/** A kiosk exchanges its one-time pairing code for a credential (`restRoutes.pairKiosk`). */
export function kioskRoutes(ctx: ServiceContext): Router {
  const router = Router();
  const attempts = new SlidingWindow(PAIRING_ATTEMPTS_PER_MINUTE, 60_000);
  serveRoute(router, restRoutes.pairKiosk, async ({ body, req }) => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    return pairKiosk(ctx, body.code, { attempts, address });
  });
  return router;
}
