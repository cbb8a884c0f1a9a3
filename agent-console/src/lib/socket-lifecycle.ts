import type { Socket } from 'socket.io-client';
import { consoleStore } from '../store';
import { connectionChanged, errorShown, signedOut } from '../store/actions';

/**
 * Follows a socket's connection for the banner and the session: `onConnect` runs on every
 * (re)connect; an expired session goes back to sign-in, a wrong role is explained, and a drop is
 * shown until socket.io reconnects (after a server-side disconnect we ask once ourselves — if the
 * session is gone, the handshake says so).
 */
export function followSocketLifecycle<L extends object, E extends object>(
  socket: Socket<L, E>,
  onConnect: () => void,
): void {
  connectionChanged('connecting');
  socket.on('connect', () => {
    connectionChanged('connected');
    onConnect();
  });
  socket.on('disconnect', (reason) => {
    // A console opened elsewhere took over: this one stays closed until the officer takes it back.
    if (consoleStore.getState().connection === 'replaced') return;
    connectionChanged('disconnected');
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => {
    if (error.message === 'UNAUTHENTICATED') signedOut('expired');
    else if (error.message === 'FORBIDDEN') errorShown('FORBIDDEN');
    else connectionChanged('disconnected');
  });
}
