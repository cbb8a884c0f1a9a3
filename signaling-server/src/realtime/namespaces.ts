import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  InterServerEvents,
  KioskClientToServerEvents,
  KioskServerToClientEvents,
  ManagerClientToServerEvents,
  ManagerServerToClientEvents,
  SocketData,
} from '@loket/shared';
import { NAMESPACES } from '@loket/shared';
import type { Namespace, Server, Socket } from 'socket.io';
import type { Captions } from '../use-cases/captions.js';
import type { ChatBudgets } from '../use-cases/chat.js';
import type { EventBudgets } from './socket-limits.js';

/** The `/kiosk` namespace, typed by the shared contract. */
export type KioskNamespace = Namespace<
  KioskClientToServerEvents,
  KioskServerToClientEvents,
  InterServerEvents,
  SocketData
>;
/** A socket of `/kiosk`. */
export type KioskSocket = Socket<
  KioskClientToServerEvents,
  KioskServerToClientEvents,
  InterServerEvents,
  SocketData
>;
/** A socket of `/manager`. */
export type ManagerSocket = Socket<
  ManagerClientToServerEvents,
  ManagerServerToClientEvents,
  InterServerEvents,
  SocketData
>;
/** The `/agent` namespace, typed by the shared contract. */
export type AgentNamespace = Namespace<
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  InterServerEvents,
  SocketData
>;
/** The `/manager` namespace, typed by the shared contract. */
export type ManagerNamespace = Namespace<
  ManagerClientToServerEvents,
  ManagerServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/**
 * The three namespaces with their own event maps. socket.io types a server with one map for all
 * namespaces, so each is narrowed here, once, to the contract declared in shared.
 */
export function namespacesOf(io: Server) {
  return {
    kiosks: io.of(NAMESPACES.kiosk) as unknown as KioskNamespace,
    agents: io.of(NAMESPACES.agent) as unknown as AgentNamespace,
    managers: io.of(NAMESPACES.manager) as unknown as ManagerNamespace,
  };
}

/** What wiring a namespace takes besides the service context. */
export interface NamespaceDeps {
  /** What each sender may send, across its sockets. */
  budgets: EventBudgets;
  chat: ChatBudgets;
  captions: Captions;
  /** Whether other instances hold sockets too, so a room is looked into across the cluster. */
  clustered: boolean;
}
