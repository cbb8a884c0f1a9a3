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
 * restarted server must see every client back within seconds, so the wait stays under a second:
 * socket.io caps the jittered wait at `reconnectionDelayMax`, so attempts land 0.5–1 s apart, and
 * the jitter spreads a whole office's clients over that second instead of one burst. An attempt on
 * a server that is down costs a refused TCP connection.
 */
export const RECONNECT_BACKOFF = {
  reconnectionDelay: 500,
  reconnectionDelayMax: 1000,
  randomizationFactor: 0.5,
} as const;
