import { QueueCatchUp, QueueSnapshot, type ManagerClientToServerEvents } from '@loket/shared';
import { ACK_TIMEOUT_MS, NO_DATA, unwrapAck } from './ack';
import { managerSocket } from './manager-socket';

/** The payload of a manager command, as the contract types it. */
type Payload<E extends keyof ManagerClientToServerEvents> = Parameters<
  ManagerClientToServerEvents[E]
>[0];

function withTimeout() {
  return managerSocket().timeout(ACK_TIMEOUT_MS);
}

/** The whole live queue, numbered. */
export function requestSnapshot(): Promise<QueueSnapshot> {
  return unwrapAck(withTimeout().emitWithAck('queue:snapshot', {}), QueueSnapshot);
}

/** What changed after `seq`: the missed deltas, or a fresh snapshot. */
export function requestSince(seq: number): Promise<QueueCatchUp> {
  return unwrapAck(withTimeout().emitWithAck('queue:since', { seq }), QueueCatchUp);
}

/** Moves a waiting ticket into the priority lane. */
export function prioritiseTicket(payload: Payload<'ticket:prioritise'>): Promise<null> {
  return unwrapAck(withTimeout().emitWithAck('ticket:prioritise', payload), NO_DATA);
}

/** Offers a waiting ticket only to one named officer. */
export function assignTicket(payload: Payload<'ticket:assign'>): Promise<null> {
  return unwrapAck(withTimeout().emitWithAck('ticket:assign', payload), NO_DATA);
}

/** Cancels a ticket that is still waiting or ringing. */
export function cancelTicket(payload: Payload<'ticket:cancel'>): Promise<null> {
  return unwrapAck(withTimeout().emitWithAck('ticket:cancel', payload), NO_DATA);
}

/** Sets an officer's state. */
export function setAgentState(payload: Payload<'agent:set'>): Promise<null> {
  return unwrapAck(withTimeout().emitWithAck('agent:set', payload), NO_DATA);
}

/** Shows a message, in both languages, on every kiosk of the office. */
export function messageKiosks(payload: Payload<'kiosks:message'>): Promise<null> {
  return unwrapAck(withTimeout().emitWithAck('kiosks:message', payload), NO_DATA);
}
