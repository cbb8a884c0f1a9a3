import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import {
  createPerson,
  listPeople,
  resetPassword,
  setPersonActive,
  updatePerson,
} from '../use-cases/admin-people.js';
import { tokenOf } from './auth-routes.js';
import { serveRoute } from './typed-route.js';

/** An administrator's officers, managers and administrators of their own office. */
export function adminPeopleRoutes(ctx: ServiceContext): Router {
  const router = Router();
  serveRoute(router, restRoutes.adminPeople, ({ req }) => listPeople(ctx, tokenOf(req)));
  serveRoute(router, restRoutes.adminCreatePerson, ({ body, req }) =>
    createPerson(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.adminUpdatePerson, ({ body, req }) =>
    updatePerson(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.adminSetPersonActive, ({ body, req }) =>
    setPersonActive(ctx, tokenOf(req), body),
  );
  serveRoute(router, restRoutes.adminResetPassword, ({ body, req }) =>
    resetPassword(ctx, tokenOf(req), body),
  );
  return router;
}
