import { restRoutes } from '@loket/shared';
import type { ServiceContext } from '../context/context.js';
import { readAdminHours, updateAdminHours } from '../use-cases/admin-hours.js';
import { Router } from 'express';
import {
  readAdminOffice,
  setAdminOfficeLogo,
  updateAdminOffice,
} from '../use-cases/admin-office.js';
import {
  createAdminService,
  readAdminServices,
  reorderAdminServices,
  retireAdminService,
  updateAdminService,
} from '../use-cases/admin-services.js';
import { tokenOf } from './auth-routes.js';
import { serveRoute } from './typed-route.js';

/** The administrator's office, its services and its hours (`/api/admin/…`). */
export function adminOfficeRoutes(ctx: ServiceContext): Router {
  const router = Router();
  serveRoute(router, restRoutes.adminOffice, ({ req }) => readAdminOffice(ctx, tokenOf(req)));
  serveRoute(router, restRoutes.updateOffice, ({ body, req }) =>
    updateAdminOffice(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.setOfficeLogo, ({ body, req }) =>
    setAdminOfficeLogo(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.adminServices, ({ req }) => readAdminServices(ctx, tokenOf(req)));
  serveRoute(router, restRoutes.createService, ({ body, req }) =>
    createAdminService(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.updateService, ({ body, req }) =>
    updateAdminService(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.retireService, ({ body, req }) =>
    retireAdminService(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.reorderServices, ({ body, req }) =>
    reorderAdminServices(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.adminHours, ({ req }) => readAdminHours(ctx, tokenOf(req)));
  serveRoute(router, restRoutes.updateHours, ({ body, req }) =>
    updateAdminHours(ctx, tokenOf(req), body),
  );
  return router;
}
