import { CallSignal, type Signal } from '@loket/shared';
import type { SignalChannel } from '@loket/shared/media';
import { requestSignal } from './agent-commands';
import { agentSocket } from './agent-socket';
import { parsedListener } from './parsed-listener';

/** A signal channel that can be given up before a session ever subscribed to it. */
export interface CallSignalChannel extends SignalChannel {
  close(): void;
}

/**
 * Signalling for one call over the agent socket, relayed by the server to the kiosk. It listens
 * from the moment it is made and keeps what arrives until the session subscribes: the kiosk may
 * send its offer while our camera is still opening, and a lost offer can stall negotiation.
 */
export function socketSignalChannel(callId: string): CallSignalChannel {
  const socket = agentSocket();
  const early: Signal[] = [];
  let deliver: ((signal: Signal) => void) | null = null;
  const handle = parsedListener(CallSignal, (message) => {
    if (message.callId !== callId) return;
    if (deliver) deliver(message.signal);
    else early.push(message.signal);
  });
  socket.on('call:signal', handle);

  const close = () => {
    socket.off('call:signal', handle);
    deliver = null;
    early.length = 0;
  };
  return {
    send(signal) {
      requestSignal(callId, signal).catch((error: unknown) => {
        console.warn('A call signal was not relayed', error);
      });
    },
    subscribe(listener) {
      deliver = listener;
      for (const signal of early.splice(0)) listener(signal);
      return close;
    },
    close,
  };
}
