import { KioskAuth, type Role, type SocketActor } from '@loket/shared';
import { parse as parseCookie } from 'cookie';
import type { ExtendedError, Socket } from 'socket.io';
import { hashToken } from '../auth/tokens.js';
import { SESSION_COOKIE } from '../http/session-cookie.js';
import type { Clock } from '../clock.js';
import type { Db } from '../store/database.js';
import { findKioskByTokenHash, touchKiosk } from '../store/repositories/kiosks.js';
import { findSessionUser } from '../store/repositories/sessions.js';
import { LoketError } from '../services/errors.js';
import type { ActorCheck } from './handler.js';
import { sessionRoom } from './rooms.js';

type Middleware = (socket: Socket, next: (err?: ExtendedError) => void) => void;

const refuse = (code: 'UNAUTHENTICATED' | 'FORBIDDEN') =>
  Object.assign(new Error(code), { data: { code } });

/** Lets in only kiosks that present an enrolled device token. */
export function kioskAuth(db: Db, clock: Clock): Middleware {
  return (socket, next) => {
    const parsed = KioskAuth.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(refuse('UNAUTHENTICATED'));
    void findKioskByTokenHash(db, hashToken(parsed.data.token)).then(async (kiosk) => {
      if (!kiosk) return next(refuse('UNAUTHENTICATED'));
      await touchKiosk(db, kiosk.id, clock());
      const actor: SocketActor = { kind: 'kiosk', kioskId: kiosk.id, officeId: kiosk.office_id };
      socket.data.actor = actor;
      next();
    }, next);
  };
}

/** Lets in only signed-in users (session cookie) whose role is one of `roles`. */
export function userAuth(db: Db, clock: Clock, roles: readonly Role[]): Middleware {
  return (socket, next) => {
    const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    if (!token) return next(refuse('UNAUTHENTICATED'));
    const sessionHash = hashToken(token);
    void findSessionUser(db, sessionHash, clock()).then((user) => {
      if (!user) return next(refuse('UNAUTHENTICATED'));
      if (!roles.includes(user.role)) return next(refuse('FORBIDDEN'));
      const actor: SocketActor = {
        kind: 'user',
        userId: user.id,
        officeId: user.office_id,
        role: user.role,
        sessionHash,
      };
      socket.data.actor = actor;
      void socket.join(sessionRoom(sessionHash));
      next();
    }, next);
  };
}

/**
 * Re-checks a user before each event: a signed-out or expired session, or a changed role, stops
 * the socket at once rather than at its next reconnect.
 */
export function userCheck(db: Db, clock: Clock, roles: readonly Role[]): ActorCheck {
  return async (actor) => {
    if (actor.kind !== 'user') return new LoketError('FORBIDDEN', 'users only');
    const user = await findSessionUser(db, actor.sessionHash, clock());
    if (!user) return new LoketError('UNAUTHENTICATED', 'session ended');
    if (!roles.includes(user.role)) return new LoketError('FORBIDDEN', 'role not allowed here');
    return null;
  };
}

/** Kiosks are checked at connection; their token cannot change under an open socket. */
export const kioskCheck: ActorCheck = async (actor) =>
  actor.kind === 'kiosk' ? null : new LoketError('FORBIDDEN', 'kiosks only');
