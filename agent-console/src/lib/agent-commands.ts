import {
  agentContract,
  type AgentView,
  type CallbackView,
  type CallStart,
  type CloseCallback,
  type SelfAgentStatus,
} from '@loket/shared';
import { agentSocket } from './agent-socket';
import { commandRunner } from './commands';

/** What came of a call-back: reached, no answer, wrong number. */
export type CallbackOutcome = CloseCallback['outcome'];

/** Sends an agent's command as its row of the contract says; see {@link commandRunner}. */
export const agentCommand = commandRunner(agentContract.commands, agentSocket);

/** Goes available or away. */
export async function requestStatus(status: SelfAgentStatus): Promise<AgentView> {
  return (await agentCommand('agent:setStatus', { status })).agent;
}

/** Accepts the offered ticket; answers the call to join. */
export async function requestAccept(ticketId: string): Promise<CallStart> {
  return (await agentCommand('offer:accept', { ticketId })).call;
}

/** Declines the offered ticket, which goes back to the queue. */
export async function requestDecline(ticketId: string): Promise<AgentView> {
  return (await agentCommand('offer:decline', { ticketId })).agent;
}

/** The office's open call-back requests, oldest first. */
export async function requestCallbacks(): Promise<CallbackView[]> {
  return (await agentCommand('callback:list', {})).callbacks;
}
