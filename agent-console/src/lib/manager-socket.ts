import {
  NAMESPACES,
  type ClientToServerEvents,
  type managerContract,
  type ServerToClientEvents,
} from '@loket/shared';
import type { Socket } from 'socket.io-client';
import { namespaceSocket } from './namespace-socket';

/** The manager's typed socket on `/manager`; the session cookie authenticates it. */
export type ManagerSocket = Socket<
  ServerToClientEvents<typeof managerContract>,
  ClientToServerEvents<typeof managerContract>
>;

const socket = namespaceSocket<ManagerSocket>(NAMESPACES.manager);

/** Opens the manager socket (replacing any previous one). */
export const connectManagerSocket = socket.connect;

/** The open manager socket; throws when the manager page has not opened one. */
export const managerSocket = socket.current;

/** Closes the manager socket; safe when none is open. */
export const disconnectManagerSocket = socket.disconnect;
