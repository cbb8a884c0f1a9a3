import {
  AcceptResult,
  type AcceptOffer,
  AgentBootstrap,
  AgentResult,
  CallbackList,
  type AgentView,
  type CallbackView,
  type CloseCallback,
  type CallStart,
  type SelfAgentStatus,
  type Signal,
} from '@loket/shared';
import { ACK_TIMEOUT_MS, NO_DATA, unwrapAck } from './ack';
import { agentSocket } from './agent-socket';

/** What came of a call-back: reached, no answer, wrong number. */
export type CallbackOutcome = CloseCallback['outcome'];

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

/** Accepts the offered ticket, with a prepared connection offer; answers the call to join. */
export async function requestAccept(
  ticketId: string,
  offer?: AcceptOffer['offer'],
): Promise<CallStart> {
  const payload = offer ? { ticketId, offer } : { ticketId };
  return (await unwrapAck(withTimeout().emitWithAck('offer:accept', payload), AcceptResult)).call;
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

/** Moves the visitor of the call to another service; the call ends for the agent. */
export function requestTransfer(callId: string, serviceId: string): Promise<null> {
  return unwrapAck(withTimeout().emitWithAck('call:transfer', { callId, serviceId }), NO_DATA);
}

/** The office's open call-back requests, oldest first. */
export async function requestCallbacks(): Promise<CallbackView[]> {
  return (await unwrapAck(withTimeout().emitWithAck('callback:list', {}), CallbackList)).callbacks;
}

/** Closes a call-back request with what came of it. */
export function requestCloseCallback(callbackId: string, outcome: CallbackOutcome): Promise<null> {
  return unwrapAck(withTimeout().emitWithAck('callback:close', { callbackId, outcome }), NO_DATA);
}
