import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import { isHealthy } from '../use-cases/health.js';

/** `GET /healthz`: 200 when the database answers, 503 when it does not. */
export function healthRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    if (await isHealthy(ctx)) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable' });
  });
  return router;
}
