import { LoginBody, SessionUser, type Language, type Transport } from '@loket/shared';
import { parse as parseCookie } from 'cookie';
import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Server } from 'socket.io';
import { verifyPassword } from '../auth/password.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { sessionRoom } from '../realtime/rooms.js';
import type { Db } from '../store/database.js';
import { deleteSession, findSessionUser, insertSession } from '../store/repositories/sessions.js';
import { findUserByUsername } from '../store/repositories/users.js';
import type { UserRow } from '../store/schema.js';
import { sendError } from './errors.js';
import { SESSION_COOKIE } from './session-cookie.js';

/** What the sign-in routes need. */
export interface AuthDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  io: Server;
  sessionTtlMs: number;
  secureCookies: boolean;
  loginRatePerMinute: number;
  /** How calls carry media now; read per request, as tests swap the media provider. */
  mediaTransport: () => Transport;
}

// Compared against when the username is unknown, so both failures take the same time.
const DUMMY_HASH =
  'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

function sessionUser(user: UserRow, mediaTransport: Transport): SessionUser {
  return SessionUser.parse({
    mediaTransport,
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    officeId: user.office_id,
    languages: user.languages.split(',').filter(Boolean) as Language[],
  });
}

const tokenOf = (req: Request) => parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];

/** `POST /login`, `POST /logout`, `GET /me` under `/api/auth`. */
export function authRoutes(deps: AuthDeps): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.loginRatePerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendError(res, 'RATE_LIMITED', 'too many sign-in attempts, wait a minute'),
  });

  router.post('/login', limiter, async (req, res) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) return sendError(res, 'BAD_REQUEST', 'username and password are required');
    const user = await findUserByUsername(deps.db, body.data.username);
    const valid = await verifyPassword(body.data.password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !valid) {
      deps.log.info({ username: body.data.username }, 'sign-in refused');
      return sendError(res, 'INVALID_CREDENTIALS', 'wrong username or password');
    }
    const token = newToken();
    const now = deps.clock();
    await insertSession(deps.db, {
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now,
      expires_at: now + deps.sessionTtlMs,
    });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: deps.sessionTtlMs,
    });
    deps.log.info({ userId: user.id }, 'signed in');
    res.json({ user: sessionUser(user, deps.mediaTransport()) });
  });

  router.get('/me', async (req, res) => {
    const token = tokenOf(req);
    const user = token && (await findSessionUser(deps.db, hashToken(token), deps.clock()));
    if (!user) return sendError(res, 'UNAUTHENTICATED', 'not signed in');
    res.json({ user: sessionUser(user, deps.mediaTransport()) });
  });

  router.post('/logout', async (req, res) => {
    const token = tokenOf(req);
    if (token) {
      const hash = hashToken(token);
      await deleteSession(deps.db, hash);
      for (const name of ['/agent', '/manager']) {
        deps.io.of(name).in(sessionRoom(hash)).disconnectSockets(true);
      }
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  return router;
}
