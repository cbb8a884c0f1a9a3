/** socket.io namespaces, one per kind of client. */
export const NAMESPACES = {
  kiosk: '/kiosk',
  agent: '/agent',
  manager: '/manager',
} as const;

/** Path the server mounts socket.io on. */
export const SOCKET_PATH = '/socket.io';

/**
 * How a kiosk or console waits between attempts to reconnect (socket.io-client's options). A
 * restarted server must see every client back within seconds, so no wait is longer than a second
 * (socket.io caps the jittered wait at `reconnectionDelayMax`), and the jitter of the first
 * attempts spreads an office's clients over that second instead of one burst. An attempt on a
 * server that is down costs a refused TCP connection.
 */
export const RECONNECT_BACKOFF = {
  reconnectionDelay: 500,
  reconnectionDelayMax: 1000,
  randomizationFactor: 0.5,
} as const;
