import {
  NAMESPACES,
  SOCKET_PATH,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
} from '@loket/shared';
import { io, type Socket } from 'socket.io-client';

/** The agent's typed socket on `/agent`; the session cookie authenticates it. */
export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

let current: AgentSocket | null = null;

/** Opens the agent socket (replacing any previous one). */
export function connectAgentSocket(): AgentSocket {
  current?.disconnect();
  current = io(NAMESPACES.agent, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    withCredentials: true,
  });
  return current;
}

/** The open agent socket; throws when the agent page has not opened one. */
export function agentSocket(): AgentSocket {
  if (!current) throw new Error('agentSocket() called before connectAgentSocket()');
  return current;
}

/** Closes the agent socket; safe when none is open. */
export function disconnectAgentSocket(): void {
  current?.disconnect();
  current = null;
}
