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

/** Attempts after which every wait is at the cap, so the jitter no longer spreads anything. */
const JITTERED_ATTEMPTS = 10;

/** What `keepBackoffFinite` needs of a socket.io-client Manager. */
export interface BackoffManager {
  on(event: 'reconnect_attempt', listener: (attempt: number) => void): unknown;
  on(event: 'reconnect', listener: () => void): unknown;
  randomizationFactor(factor: number): unknown;
}

/**
 * socket.io-client doubles its base wait on every attempt. After about a thousand attempts (some
 * 17 minutes with the server down) that wait is Infinity, and its jitter then turns half the
 * waits into 0 ms: a kiosk left on through an outage would retry in a tight loop. Past the first
 * attempts every wait is at the cap anyway, so the jitter is off until the next connection.
 */
export function keepBackoffFinite(manager: BackoffManager): void {
  manager.on('reconnect_attempt', (attempt) => {
    if (attempt === JITTERED_ATTEMPTS) manager.randomizationFactor(0);
  });
  manager.on('reconnect', () => manager.randomizationFactor(RECONNECT_BACKOFF.randomizationFactor));
}
