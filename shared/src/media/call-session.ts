import type { CallEndReason } from '../domain/call.js';
import type { CallQualityReport } from './call-quality.js';

/** Where a call's media connection stands. */
export type CallConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'ended';

/** A kind of local track a call sends. */
export type MediaKind = 'audio' | 'video';

/** What a call session tells the screen that shows it. */
export interface CallSessionEvents {
  /** The other party's camera and microphone arrived or changed. */
  remoteStream: (stream: MediaStream) => void;
  /** The other party started sharing their screen (a stream) or stopped (null). */
  remoteScreen: (stream: MediaStream | null) => void;
  /** This party's screen share started or stopped, also when the browser's own control stopped it. */
  localScreen: (stream: MediaStream | null) => void;
  /** The connection moved to a new state; `reconnecting` then `connected` is a reconnect. */
  state: (state: CallConnectionState) => void;
  /** Either party's connection quality changed. */
  quality: (quality: CallQualityReport) => void;
}

/**
 * One call, whatever carries its media. Screens use only this interface; the server says which
 * implementation a call uses when it starts.
 *
 * The stream given to `join` stays the app's: leaving does not stop it. A screen share is the
 * session's own, opened by `startScreenShare` and stopped when sharing stops or the call ends.
 */
export interface CallSession {
  /** The current connection state. */
  readonly state: CallConnectionState;
  /** The latest connection quality of both parties. */
  readonly quality: CallQualityReport;
  /** Starts sending `local` and negotiating with the other party. */
  join(local: MediaStream): Promise<void>;
  /** Stops or resumes sending one kind of track without renegotiating. */
  setMuted(kind: MediaKind, muted: boolean): void;
  /**
   * Sends another camera or microphone without renegotiating. The new device's track takes the
   * old one's place in the joined stream (which stays the app's) and the old track is stopped.
   */
  switchDevice(kind: MediaKind, deviceId: string): Promise<MediaStreamTrack>;
  /** Asks the browser for a screen, window or tab and sends it beside the camera. */
  startScreenShare(): Promise<void>;
  /** Stops sending the screen share, if there is one. */
  stopScreenShare(): void;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof CallSessionEvents>(event: E, listener: CallSessionEvents[E]): () => void;
  /** Stops the session's own media and closes the connection; safe to call more than once. */
  leave(reason?: CallEndReason): void;
}
