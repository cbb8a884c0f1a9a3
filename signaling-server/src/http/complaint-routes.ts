import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import { forwardComplaint, listComplaints } from '../use-cases/complaints.js';
import { tokenOf } from './auth-routes.js';
import { serveRoute } from './typed-route.js';

/**
 * Managers' open complaints (`restRoutes.complaints`) and forwarding one to SP4N-LAPOR!
 * (`restRoutes.forwardComplaint`), for the signed-in manager's own office.
 */
export function complaintRoutes(ctx: ServiceContext): Router {
  const router = Router();
  serveRoute(router, restRoutes.complaints, ({ req }) => listComplaints(ctx, tokenOf(req)));
  serveRoute(router, restRoutes.forwardComplaint, ({ body, req }) =>
    forwardComplaint(ctx, tokenOf(req), body),
  );
  return router;
}
