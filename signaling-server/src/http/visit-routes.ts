import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import { visitSummary } from '../use-cases/summary.js';
import { cancelVisit, visitStatus } from '../use-cases/visit.js';
import { addressBudget } from './address-budget.js';
import { serveRoute } from './typed-route.js';

/**
 * Requests per client address in any minute. A phone asks every few seconds, and a lobby's
 * visitors may share one address behind its Wi-Fi; a link's secret cannot be guessed anyway.
 */
const VISIT_REQUESTS_PER_MINUTE = 600;

/**
 * A visitor's phone follows their visit, may give it up, and reads its summary afterwards, by the
 * secret in its link.
 */
export function visitRoutes(ctx: ServiceContext): Router {
  const router = Router();
  const withinBudget = addressBudget(ctx, VISIT_REQUESTS_PER_MINUTE, 'visit');
  serveRoute(router, restRoutes.visitStatus, async ({ body, req }) => {
    withinBudget(req);
    return visitStatus(ctx, body.token);
  });
  serveRoute(router, restRoutes.cancelVisit, async ({ body, req }) => {
    withinBudget(req);
    await cancelVisit(ctx, body.token);
  });
  serveRoute(router, restRoutes.visitSummary, async ({ body, req }) => {
    withinBudget(req);
    return visitSummary(ctx, body.token);
  });
  return router;
}
