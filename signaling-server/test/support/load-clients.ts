import { NAMESPACES, RECONNECT_BACKOFF, SOCKET_PATH } from '@loket/shared';
import { io, type Socket } from 'socket.io-client';
import type { AgentSocket, KioskSocket } from '../harness.js';

const OPTIONS = {
  path: SOCKET_PATH,
  transports: ['websocket'],
  forceNew: true,
  reconnection: false,
};

/** A client that comes back by itself after the server goes away, as the kiosk and console do. */
const RECONNECTING = { ...OPTIONS, reconnection: true, ...RECONNECT_BACKOFF };

function connected<S>(socket: S): Promise<S> {
  const raw = socket as unknown as Socket;
  return new Promise((resolve, reject) => {
    raw.once('connect', () => resolve(socket));
    raw.once('connect_error', (error) => reject(error));
  });
}

/** The credential each reconnecting kiosk was handed over last, by its socket. */
const handedOver = new WeakMap<KioskSocket, string>();

/**
 * A typed kiosk socket on `url`, connected (for load tests and benchmarks outside vitest);
 * `reconnecting` makes it reconnect as the real kiosk does: with its back-off, presenting the
 * credential its last bootstrap (`bootstrapKiosk`) handed over.
 */
export function connectKiosk(
  url: string,
  token: string,
  reconnecting = false,
): Promise<KioskSocket> {
  if (!reconnecting) {
    return connected(
      io(`${url}${NAMESPACES.kiosk}`, { ...OPTIONS, auth: { token } }) as KioskSocket,
    );
  }
  const socket = io(`${url}${NAMESPACES.kiosk}`, {
    ...RECONNECTING,
    auth: (send) => send({ token: handedOver.get(socket) ?? token }),
  }) as KioskSocket;
  return connected(socket);
}

/** Asks for a kiosk's bootstrap within `timeoutMs`, keeping the credential it hands over. */
export async function bootstrapKiosk(kiosk: KioskSocket, timeoutMs: number) {
  const answer = await kiosk.timeout(timeoutMs).emitWithAck('kiosk:bootstrap', {});
  if (answer.ok && answer.data.credential) handedOver.set(kiosk, answer.data.credential);
  return answer;
}

/**
 * A typed agent socket on `url` signed in with a session cookie, connected; `reconnecting` makes
 * it reconnect with the real console's back-off.
 */
export function connectAgent(
  url: string,
  cookie: string,
  reconnecting = false,
): Promise<AgentSocket> {
  const options = reconnecting ? RECONNECTING : OPTIONS;
  return connected(
    io(`${url}${NAMESPACES.agent}`, { ...options, extraHeaders: { cookie } }) as AgentSocket,
  );
}
