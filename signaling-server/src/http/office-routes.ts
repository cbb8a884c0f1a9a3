import { restRoutes } from '@loket/shared';
import { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import { editQuickReplies, readQuickReplies } from '../use-cases/chat.js';
import { officeLogo } from '../use-cases/office-catalogue.js';
import { sendError } from './errors.js';
import { tokenOf } from './auth-routes.js';
import { serveRoute } from './typed-route.js';

/**
 * What a manager (or administrator) sets for their own office: the chat quick replies
 * (`restRoutes.quickReplies`, `restRoutes.setQuickReplies`); and, for anyone, the office's logo,
 * which kiosks show before anyone signs in.
 */
export function officeRoutes(ctx: ServiceContext): Router {
  const router = Router();
  serveRoute(router, restRoutes.quickReplies, ({ req }) => readQuickReplies(ctx, tokenOf(req)));
  serveRoute(router, restRoutes.setQuickReplies, ({ body, req }) =>
    editQuickReplies(ctx, tokenOf(req), body),
  );
  router.get('/api/offices/:officeId/logo', async (req, res) => {
    const logo = await officeLogo(ctx.db, req.params.officeId);
    if (!logo) return sendError(res, 'NOT_FOUND', 'the office has no logo');
    // The office's logoUrl names the hash, so that address never changes what it holds; any
    // other asks again each time and gets a 304 while the ETag still matches.
    res.setHeader(
      'Cache-Control',
      req.query.v === logo.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    const etag = `"${logo.hash}"`;
    res.setHeader('ETag', etag);
    const known = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
    if (known.includes(etag) || known.includes(`W/${etag}`)) return res.status(304).end();
    res.type(logo.type);
    res.send(Buffer.from(logo.image, 'base64'));
  });
  return router;
}
