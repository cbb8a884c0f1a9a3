import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import {
  enrolKiosk,
  listAdminKiosks,
  newKioskPairing,
  renameKiosk,
  revokeAdminKiosk,
} from '../use-cases/admin-kiosks.js';
import { tokenOf } from './auth-routes.js';
import { serveRoute } from './typed-route.js';

/** An administrator's kiosks of their own office: enrol, pair anew, rename, revoke. */
export function adminKiosksRoutes(ctx: ServiceContext): Router {
  const router = Router();
  serveRoute(router, restRoutes.adminKiosks, ({ req }) => listAdminKiosks(ctx, tokenOf(req)));
  serveRoute(router, restRoutes.adminEnrolKiosk, ({ body, req }) =>
    enrolKiosk(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.adminKioskPairing, ({ body, req }) =>
    newKioskPairing(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.adminRenameKiosk, ({ body, req }) =>
    renameKiosk(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.adminRevokeKiosk, ({ body, req }) =>
    revokeAdminKiosk(ctx, tokenOf(req), body),
  );
  return router;
}
