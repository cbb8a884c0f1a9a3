import type { CallEndReason } from '../domain/call.js';

/** Where a call's media connection stands. */
export type CallConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'ended';

/** What a call session tells the screen that shows it. */
export interface CallSessionEvents {
  /** The other party's media arrived or changed. */
  remoteStream: (stream: MediaStream) => void;
  /** The connection moved to a new state. */
  state: (state: CallConnectionState) => void;
}

/**
 * One call, whatever carries its media. Screens use only this interface; the server says which
 * implementation a call uses when it starts.
 */
export interface CallSession {
  /** The current connection state. */
  readonly state: CallConnectionState;
  /** Starts sending `local` and negotiating with the other party. */
  join(local: MediaStream): Promise<void>;
  /** Stops or resumes sending one kind of track without renegotiating. */
  setMuted(kind: 'audio' | 'video', muted: boolean): void;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof CallSessionEvents>(event: E, listener: CallSessionEvents[E]): () => void;
  /** Stops all media and closes the connection; safe to call more than once. */
  leave(reason?: CallEndReason): void;
}
