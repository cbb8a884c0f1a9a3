import { restRoutes } from '@loket/shared';
import { parse as parseCookie } from 'cookie';
import { Router, type Request } from 'express';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import type { ServiceContext } from '../context/context.js';
import { changeOwnPassword } from '../use-cases/password-change.js';
import { currentUser, signIn, signOut } from '../use-cases/session.js';
import { SignInGuard } from '../use-cases/sign-in-guard.js';
import { serveRoute } from './typed-route.js';

/** How sign-in sets its cookie and how often it may be tried. */
export interface AuthSettings {
  sessionTtlMs: number;
  secureCookies: boolean;
  loginRatePerMinute: number;
  loginFailuresPerUser: number;
}

/** The session token a request's cookie carries, if any. */
export const tokenOf = (req: Request) => parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];

/** Sign-in, sign-out, who is signed in and changing one's password (`restRoutes.signIn`, …). */
export function authRoutes(ctx: ServiceContext, settings: AuthSettings): Router {
  const router = Router();
  const guard = new SignInGuard({
    perAddressPerMinute: settings.loginRatePerMinute,
    failuresPerUser: settings.loginFailuresPerUser,
  });

  serveRoute(router, restRoutes.signIn, async ({ body, req, res }) => {
    // req.ip follows TRUST_PROXY: a forwarded address counts only from a proxy the office named.
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const { token, user } = await signIn(ctx, body, { guard, address });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: settings.secureCookies,
      path: '/',
      maxAge: settings.sessionTtlMs,
    });
    return { user };
  });

  serveRoute(router, restRoutes.me, async ({ req }) => ({
    user: await currentUser(ctx, tokenOf(req)),
  }));

  serveRoute(router, restRoutes.changePassword, ({ body, req }) =>
    changeOwnPassword(ctx, tokenOf(req), body),
  );

  serveRoute(router, restRoutes.signOut, async ({ req, res }) => {
    await signOut(ctx, tokenOf(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  return router;
}
