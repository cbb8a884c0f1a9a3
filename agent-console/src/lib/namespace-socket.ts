import { keepBackoffFinite, RECONNECT_BACKOFF, SOCKET_PATH } from '@loket/shared';
import { io, type Socket } from 'socket.io-client';

/** The one socket a page keeps open on a namespace, authenticated by the session cookie. */
export interface NamespaceSocket<S extends Socket> {
  /** Opens the socket, replacing any previous one. */
  connect(): S;
  /** The open socket; throws when the page has not opened one. */
  current(): S;
  /** Closes the socket; safe when none is open. */
  disconnect(): void;
}

/** Keeps one socket on `namespace` (typed `S` by the shared contract). */
export function namespaceSocket<S extends Socket>(namespace: string): NamespaceSocket<S> {
  let open: S | null = null;
  return {
    connect() {
      open?.disconnect();
      open = io(namespace, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        withCredentials: true,
        ...RECONNECT_BACKOFF,
      }) as S;
      keepBackoffFinite(open.io);
      return open;
    },
    current() {
      if (!open) throw new Error(`no socket on ${namespace} is open`);
      return open;
    },
    disconnect() {
      open?.disconnect();
      open = null;
    },
  };
}
