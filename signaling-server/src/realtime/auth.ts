import { KioskAuth, type ApiError, type Role, type SocketActor } from '@loket/shared';
import { parse as parseCookie } from 'cookie';
import type { ExtendedError, Socket } from 'socket.io';
import { hashToken } from '../auth/tokens.js';
import { SESSION_COOKIE } from '../http/session-cookie.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/database.js';
import { findKioskByTokenHash, touchKiosk } from '../store/repositories/kiosks.js';
import { findSessionUser } from '../store/repositories/sessions.js';
import { LoketError } from '../services/errors.js';
import type { ActorCheck } from './handler.js';
import { sessionRoom } from './rooms.js';

type Middleware = (socket: Socket, next: (err?: ExtendedError) => void) => void;

/** Why a handshake was refused, as the client's `connect_error` carries it. */
interface HandshakeRefusal extends ExtendedError {
  /** The stable code, also the error's message, which is all clients read today. */
  data: ApiError;
}

/** A refused handshake: the code is the message, and `data` holds the typed error. */
function refusal(error: LoketError): HandshakeRefusal {
  return Object.assign(new Error(error.code), {
    data: { code: error.code, message: error.message },
  });
}

/**
 * Turns an async admission check into a socket.io middleware that calls `next` exactly once:
 * with nothing to let the socket in, with the check's refusal, or with INTERNAL when the check
 * fails (e.g. the database), which is logged with its context and never left unhandled.
 */
function admission(log: Logger, admit: (socket: Socket) => Promise<LoketError | null>): Middleware {
  return (socket, next) => {
    const logger = log.child({
      namespace: socket.nsp.name,
      socketId: socket.id,
      address: socket.handshake.address,
    });
    void admit(socket)
      .then(
        (refused) => {
          if (refused)
            logger.info({ code: refused.code, reason: refused.message }, 'socket refused');
          return refused;
        },
        (err: unknown) => {
          logger.error({ err }, 'socket handshake failed');
          return err instanceof LoketError
            ? err
            : new LoketError('INTERNAL', 'the server could not check this connection');
        },
      )
      .then((refused) => next(refused ? refusal(refused) : undefined))
      // `next()` runs the connection handlers; whatever they throw is logged, not left unhandled.
      .catch((err: unknown) => logger.error({ err }, 'socket connection handler failed'));
  };
}

/** Lets in only kiosks that present an enrolled device token; `log` hears every failure. */
export function kioskAuth(db: Db, clock: Clock, log: Logger): Middleware {
  return admission(log, async (socket) => {
    const parsed = KioskAuth.safeParse(socket.handshake.auth);
    if (!parsed.success) return new LoketError('UNAUTHENTICATED', 'no well-formed device token');
    const kiosk = await findKioskByTokenHash(db, hashToken(parsed.data.token));
    if (!kiosk) return new LoketError('UNAUTHENTICATED', 'unknown device token');
    await touchKiosk(db, kiosk.id, clock());
    const actor: SocketActor = { kind: 'kiosk', kioskId: kiosk.id, officeId: kiosk.office_id };
    socket.data.actor = actor;
    return null;
  });
}

/**
 * Lets in only signed-in users (session cookie) whose role is one of `roles`; `log` hears every
 * failure.
 */
export function userAuth(db: Db, clock: Clock, roles: readonly Role[], log: Logger): Middleware {
  return admission(log, async (socket) => {
    const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    if (!token) return new LoketError('UNAUTHENTICATED', 'no session cookie');
    const sessionHash = hashToken(token);
    const user = await findSessionUser(db, sessionHash, clock());
    if (!user) return new LoketError('UNAUTHENTICATED', 'no such session, or it expired');
    if (!roles.includes(user.role)) return new LoketError('FORBIDDEN', 'role not allowed here');
    const actor: SocketActor = {
      kind: 'user',
      userId: user.id,
      officeId: user.office_id,
      role: user.role,
      sessionHash,
    };
    socket.data.actor = actor;
    await socket.join(sessionRoom(sessionHash));
    return null;
  });
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
