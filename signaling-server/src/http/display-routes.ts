import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import { displayBoard } from '../use-cases/display.js';
import { addressBudget } from './address-budget.js';
import { serveRoute } from './typed-route.js';

/** Requests per address in any minute: a few lobby TVs behind one address, each every 3 s. */
const DISPLAY_REQUESTS_PER_MINUTE = 600;

/** The lobby display's board: public and read-only (see the route's row in the contract). */
export function displayRoutes(ctx: ServiceContext): Router {
  const router = Router();
  const withinBudget = addressBudget(ctx, DISPLAY_REQUESTS_PER_MINUTE, 'display');
  serveRoute(router, restRoutes.displayBoard, async ({ body, req }) => {
    withinBudget(req);
    return displayBoard(ctx, body.officeId);
  });
  return router;
}
