import {
  NAMESPACES,
  type agentContract,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@loket/shared';
import type { Socket } from 'socket.io-client';
import { namespaceSocket } from './namespace-socket';

/** The agent's typed socket on `/agent`; the session cookie authenticates it. */
export type AgentSocket = Socket<
  ServerToClientEvents<typeof agentContract>,
  ClientToServerEvents<typeof agentContract>
>;

const socket = namespaceSocket<AgentSocket>(NAMESPACES.agent);

/** Opens the agent socket (replacing any previous one). */
export const connectAgentSocket = socket.connect;

/** The open agent socket; throws when the agent page has not opened one. */
export const agentSocket = socket.current;

/** Closes the agent socket; safe when none is open. */
export const disconnectAgentSocket = socket.disconnect;
