import { agentContract, type Signal } from '@loket/shared';
import type { SignalChannel } from '@loket/shared/media';
import { agentCommand } from './agent-commands';
import { agentSocket } from './agent-socket';
import { listenTo } from './commands';

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
  const stop = listenTo(socket, agentContract.events, {
    'call:signal': (message) => {
      if (message.callId !== callId) return;
      if (deliver) deliver(message.signal);
      else early.push(message.signal);
    },
  });

  const close = () => {
    stop();
    deliver = null;
    early.length = 0;
  };
  return {
    send(signal) {
      agentCommand('call:signal', { callId, signal }).catch((error: unknown) => {
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
