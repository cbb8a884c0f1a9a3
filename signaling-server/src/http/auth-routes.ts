import { restRoutes } from '@loket/shared';
import { parse as parseCookie } from 'cookie';
import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import type { ServiceContext } from '../context/context.js';
import { currentUser, signIn, signOut } from '../use-cases/session.js';
import { sendError } from './errors.js';
import { serveRoute } from './typed-route.js';

/** How sign-in sets its cookie and how often it may be tried. */
export interface AuthSettings {
  sessionTtlMs: number;
  secureCookies: boolean;
  loginRatePerMinute: number;
}

const tokenOf = (req: Request) => parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];

/** Sign-in, sign-out and who is signed in (`restRoutes.signIn`, `signOut`, `me`). */
export function authRoutes(ctx: ServiceContext, settings: AuthSettings): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: settings.loginRatePerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendError(res, 'RATE_LIMITED', 'too many sign-in attempts, wait a minute'),
  });

  serveRoute(
    router,
    restRoutes.signIn,
    async ({ body, res }) => {
      const { token, user } = await signIn(ctx, body);
      res.cookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: settings.secureCookies,
        path: '/',
        maxAge: settings.sessionTtlMs,
      });
      return { user };
    },
    limiter,
  );

  serveRoute(router, restRoutes.me, async ({ req }) => ({
    user: await currentUser(ctx, tokenOf(req)),
  }));

  serveRoute(router, restRoutes.signOut, async ({ req, res }) => {
    await signOut(ctx, tokenOf(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  return router;
}
