import type { ApiError, Role, SocketActor } from '@loket/shared';
import { parse as parseCookie } from 'cookie';
import type { ExtendedError, Socket } from 'socket.io';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { admitKiosk, admitUser, recheckUser } from '../use-cases/session.js';
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
 * Turns an async admission into a socket.io middleware that calls `next` exactly once: with
 * nothing to let the socket in (its actor set), with the admission's refusal (a LoketError,
 * logged as such), or with INTERNAL when it fails otherwise (e.g. the database), which is logged
 * with its context and never left unhandled. One async function rather than a chain of
 * promises: every handshake of an office coming back at once runs it.
 */
function admission(
  ctx: ServiceContext,
  admit: (socket: Socket) => Promise<SocketActor>,
): Middleware {
  // Made only when there is something to log: a child logger per handshake costs more than
  // letting the socket in.
  const logger = (socket: Socket) =>
    ctx.log.child({
      namespace: socket.nsp.name,
      socketId: socket.id,
      address: socket.handshake.address,
    });
  const letIn = async (socket: Socket, next: Parameters<Middleware>[1]): Promise<void> => {
    let refused: LoketError | null = null;
    try {
      const actor = await admit(socket);
      socket.data.actor = actor;
      if (actor.kind === 'user') await socket.join(sessionRoom(actor.sessionHash));
    } catch (err) {
      if (err instanceof LoketError) {
        logger(socket).info({ code: err.code, reason: err.message }, 'socket refused');
        refused = err;
      } else {
        logger(socket).error({ err }, 'socket handshake failed');
        refused = new LoketError('INTERNAL', 'the server could not check this connection');
      }
    }
    // `next()` runs the connection handlers; whatever they throw is logged, not left unhandled.
    try {
      next(refused ? refusal(refused) : undefined);
    } catch (err) {
      logger(socket).error({ err }, 'socket connection handler failed');
    }
  };
  return (socket, next) => void letIn(socket, next);
}

/**
 * Lets in only kiosks that present an enrolled device token; `presentedPending` hears of each
 * socket that presented its kiosk's pending credential, with that credential's hash.
 */
export function kioskAuth(
  ctx: ServiceContext,
  presentedPending: (socket: Socket, tokenHash: string) => void,
): Middleware {
  return admission(ctx, async (socket) => {
    const admitted = await admitKiosk(ctx, socket.handshake.auth);
    if (admitted.presentedPending) presentedPending(socket, admitted.presentedPending);
    return admitted.actor;
  });
}

/** Lets in only signed-in users (session cookie) whose role is one of `roles`. */
export function userAuth(ctx: ServiceContext, roles: readonly Role[]): Middleware {
  return admission(ctx, (socket) => {
    const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
    return admitUser(ctx, token, roles);
  });
}

/** Re-checks a user before each command (session still valid, role unchanged). */
export function userCheck(ctx: ServiceContext, roles: readonly Role[]): ActorCheck {
  return async (actor) => {
    try {
      await recheckUser(ctx, actor, roles);
      return null;
    } catch (error) {
      if (error instanceof LoketError) return error;
      throw error;
    }
  };
}

/** Kiosks are checked at connection; their token cannot change under an open socket. */
export const kioskCheck: ActorCheck = (actor) =>
  actor.kind === 'kiosk' ? null : new LoketError('FORBIDDEN', 'kiosks only');
