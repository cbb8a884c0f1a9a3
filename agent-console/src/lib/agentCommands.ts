import {
  AcceptResult,
  AgentBootstrap,
  AgentResult,
  type AgentView,
  type CallStart,
  type SelfAgentStatus,
  type Signal,
} from '@loket/shared';
import { ACK_TIMEOUT_MS, NO_DATA, unwrapAck } from './ack';
import { agentSocket } from './agentSocket';

function withTimeout() {
  return agentSocket().timeout(ACK_TIMEOUT_MS);
}

/** Asks the server where this agent stands: state, a pending offer, a running call. */
export function requestBootstrap(): Promise<AgentBootstrap> {
  return unwrapAck(withTimeout().emitWithAck('agent:bootstrap', {}), AgentBootstrap);
}

/** Goes available or away. */
export async function requestStatus(status: SelfAgentStatus): Promise<AgentView> {
  return (await unwrapAck(withTimeout().emitWithAck('agent:setStatus', { status }), AgentResult))
    .agent;
}

/** Accepts the offered ticket; answers the call to join. */
export async function requestAccept(ticketId: string): Promise<CallStart> {
  return (await unwrapAck(withTimeout().emitWithAck('offer:accept', { ticketId }), AcceptResult))
    .call;
}

/** Declines the offered ticket, which goes back to the queue. */
export async function requestDecline(ticketId: string): Promise<AgentView> {
  return (await unwrapAck(withTimeout().emitWithAck('offer:decline', { ticketId }), AgentResult))
    .agent;
}

/** Relays one signalling message to the other party of the call. */
export function requestSignal(callId: string, signal: Signal): Promise<null> {
  return unwrapAck(withTimeout().emitWithAck('call:signal', { callId, signal }), NO_DATA);
}

/** Ends the call for both parties. */
export function requestEndCall(callId: string): Promise<null> {
  return unwrapAck(withTimeout().emitWithAck('call:end', { callId }), NO_DATA);
}
