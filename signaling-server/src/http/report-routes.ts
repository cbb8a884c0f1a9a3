import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import { readAuditLog } from '../use-cases/audit-log.js';
import { readDispositions, replaceDispositions } from '../use-cases/call-record.js';
import { reportFor } from '../use-cases/reports.js';
import { tokenOf } from './auth-routes.js';
import { serveRoute } from './typed-route.js';

/**
 * Managers' reports (`restRoutes.report`), the audit log (`restRoutes.auditLog`) and the
 * outcomes officers pick at wrap-up (`restRoutes.dispositions`), for the signed-in manager's own
 * office.
 */
export function reportRoutes(ctx: ServiceContext): Router {
  const router = Router();
  serveRoute(router, restRoutes.report, ({ body, req }) => reportFor(ctx, tokenOf(req), body));
  serveRoute(router, restRoutes.auditLog, ({ body, req }) => readAuditLog(ctx, tokenOf(req), body));
  serveRoute(router, restRoutes.dispositions, ({ req }) => readDispositions(ctx, tokenOf(req)));
  serveRoute(router, restRoutes.setDispositions, ({ body, req }) =>
    replaceDispositions(ctx, tokenOf(req), body),
  );
  return router;
}
