import { NAMESPACES, SOCKET_PATH } from '@loket/shared';
import { io, type Socket } from 'socket.io-client';
import type { AgentSocket, KioskSocket } from '../harness.js';

const OPTIONS = {
  path: SOCKET_PATH,
  transports: ['websocket'],
  forceNew: true,
  reconnection: false,
};

function connected<S>(socket: S): Promise<S> {
  const raw = socket as unknown as Socket;
  return new Promise((resolve, reject) => {
    raw.once('connect', () => resolve(socket));
    raw.once('connect_error', (error) => reject(error));
  });
}

/** A typed kiosk socket on `url`, connected (for load tests and benchmarks outside vitest). */
export function connectKiosk(url: string, token: string): Promise<KioskSocket> {
  return connected(io(`${url}${NAMESPACES.kiosk}`, { ...OPTIONS, auth: { token } }) as KioskSocket);
}

/** A typed agent socket on `url` signed in with a session cookie, connected. */
export function connectAgent(url: string, cookie: string): Promise<AgentSocket> {
  return connected(
    io(`${url}${NAMESPACES.agent}`, { ...OPTIONS, extraHeaders: { cookie } }) as AgentSocket,
  );
}
