import {
  NAMESPACES,
  SOCKET_PATH,
  type ManagerClientToServerEvents,
  type ManagerServerToClientEvents,
} from '@loket/shared';
import { io, type Socket } from 'socket.io-client';

/** The manager's typed socket on `/manager`; the session cookie authenticates it. */
export type ManagerSocket = Socket<ManagerServerToClientEvents, ManagerClientToServerEvents>;

let current: ManagerSocket | null = null;

/** Opens the manager socket (replacing any previous one). */
export function connectManagerSocket(): ManagerSocket {
  current?.disconnect();
  current = io(NAMESPACES.manager, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    withCredentials: true,
  });
  return current;
}

/** The open manager socket; throws when the manager page has not opened one. */
export function managerSocket(): ManagerSocket {
  if (!current) throw new Error('managerSocket() called before connectManagerSocket()');
  return current;
}

/** Closes the manager socket; safe when none is open. */
export function disconnectManagerSocket(): void {
  current?.disconnect();
  current = null;
}
