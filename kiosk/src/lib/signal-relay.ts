import type { CallSignal, Signal } from '@loket/shared';

type Listener = (signal: Signal) => void;

/** More than a whole negotiation's worth of messages; anything beyond is stale. */
const MAX_BUFFERED = 200;

let buffered: CallSignal[] = [];
const listeners = new Map<string, Set<Listener>>();

/**
 * Hands a server `call:signal` to the call it belongs to. The call code loads lazily, so signals
 * that arrive before it subscribes are kept and replayed to its first subscriber.
 */
export function deliverSignal(message: CallSignal): void {
  const forCall = listeners.get(message.callId);
  if (forCall?.size) {
    for (const listener of forCall) listener(message.signal);
    return;
  }
  buffered.push(message);
  if (buffered.length > MAX_BUFFERED) buffered.shift();
}

/** Listens for the other party's signals in one call; returns the unsubscribe function. */
export function subscribeSignals(callId: string, listener: Listener): () => void {
  let forCall = listeners.get(callId);
  if (!forCall) {
    forCall = new Set();
    listeners.set(callId, forCall);
  }
  forCall.add(listener);
  const waiting = buffered.filter((message) => message.callId === callId);
  buffered = buffered.filter((message) => message.callId !== callId);
  for (const message of waiting) listener(message.signal);
  return () => {
    forCall.delete(listener);
    if (forCall.size === 0) listeners.delete(callId);
  };
}

/** Forgets signals of calls that are over. */
export function clearSignals(): void {
  buffered = [];
}
