import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Metrics } from '../use-cases/metrics.js';
import { sendError } from './errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` for Prometheus, only with `METRICS_TOKEN` set and only to a scraper that sends it
 * as a bearer token: queue figures are the office's business. Without the setting there is no
 * such route.
 */
export function metricsRoute(metrics: Metrics | null, token: string | null): Router {
  const router = Router();
  if (!token || !metrics) return router;
  const expected = digest(`Bearer ${token}`);
  router.get('/metrics', async (req, res, next) => {
    if (!timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      sendError(res, 'UNAUTHENTICATED', 'a metrics token is needed');
      return;
    }
    try {
      res.type(metrics.contentType).send(await metrics.render());
    } catch (err) {
      next(err);
    }
  });
  return router;
}
