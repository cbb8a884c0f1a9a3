import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import { editQuickReplies, readQuickReplies } from '../use-cases/chat.js';
import { tokenOf } from './auth-routes.js';
import { serveRoute } from './typed-route.js';

/**
 * What a manager (or administrator) sets for their own office: the chat quick replies
 * (`restRoutes.quickReplies`, `restRoutes.setQuickReplies`).
 */
export function officeRoutes(ctx: ServiceContext): Router {
  const router = Router();
  serveRoute(router, restRoutes.quickReplies, ({ req }) => readQuickReplies(ctx, tokenOf(req)));
  serveRoute(router, restRoutes.setQuickReplies, ({ body, req }) =>
    editQuickReplies(ctx, tokenOf(req), body),
  );
  return router;
}
