import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import { readAuditLog } from '../use-cases/audit-log.js';
import { reportFor } from '../use-cases/reports.js';
import { tokenOf } from './auth-routes.js';
import { serveRoute } from './typed-route.js';

/**
 * Managers' reports (`restRoutes.report`) and the audit log (`restRoutes.auditLog`), for the
 * signed-in manager's own office.
 */
export function reportRoutes(ctx: ServiceContext): Router {
  const router = Router();
  serveRoute(router, restRoutes.report, ({ body, req }) => reportFor(ctx, tokenOf(req), body));
  serveRoute(router, restRoutes.auditLog, ({ body, req }) => readAuditLog(ctx, tokenOf(req), body));
  return router;
}
