import {
  NAMESPACES,
  SOCKET_PATH,
  type ManagerClientToServerEvents,
  type ManagerServerToClientEvents,
} from '@loket/shared';
import { io, type Socket } from 'socket.io-client';

/** The manager's typed socket on `/manager`; the session cookie authenticates it. */
export type ManagerSocket = Socket<ManagerServerToClientEvents, ManagerClientToServerEvents>;

/** Opens a manager socket; the caller disconnects it. */
export function connectManagerSocket(): ManagerSocket {
  return io(NAMESPACES.manager, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    withCredentials: true,
  });
}
