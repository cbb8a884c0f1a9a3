import { sql } from 'kysely';
import { Router } from 'express';
import type { Db } from '../store/database.js';

/** `GET /healthz`: 200 when the database answers, 503 when it does not. */
export function healthRoutes(db: Db): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await sql`select 1`.execute(db);
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  return router;
}
