import type { Signal } from '../events/signal.js';

/**
 * The path signalling messages take between the two parties of a peer-to-peer call; in the apps
 * it is the socket, relayed by the server.
 */
export interface SignalChannel {
  send(signal: Signal): void;
  /** Subscribes to signals from the other party; returns the unsubscribe function. */
  subscribe(listener: (signal: Signal) => void): () => void;
}
