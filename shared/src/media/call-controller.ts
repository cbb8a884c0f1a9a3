import { UNKNOWN_QUALITY, type CallQualityReport } from './call-quality.js';
import type { CallConnectionState, MediaKind } from './call-session.js';

/**
 * Everything a call's screen shows, at one moment. Never changed in place: a change makes a new
 * snapshot, and only a change does, as `useSyncExternalStore` expects.
 */
export interface CallSnapshot {
  /** The call, or null when none is running. */
  readonly callId: string | null;
  readonly state: CallConnectionState;
  /** This party's camera and microphone, once open. */
  readonly local: MediaStream | null;
  /**
   * The other party's camera and microphone, once any arrived: a new stream object whenever its
   * tracks change, as a video element picks up new tracks only that way.
   */
  readonly remote: MediaStream | null;
  /** The other party's shared screen, while they share one. */
  readonly screen: MediaStream | null;
  /** This party's own screen share, while it runs (also stopped by the browser's own control). */
  readonly localScreen: MediaStream | null;
  readonly quality: CallQualityReport;
  /** The kinds of local track this party does not send. */
  readonly muted: Readonly<Record<MediaKind, boolean>>;
  /** Camera and microphone could not be opened. */
  readonly cameraFailed: boolean;
}

/** No call running. */
export const IDLE_CALL: CallSnapshot = {
  callId: null,
  state: 'connecting',
  local: null,
  remote: null,
  screen: null,
  localScreen: null,
  quality: UNKNOWN_QUALITY,
  muted: { audio: false, video: false },
  cameraFailed: false,
};

/**
 * One call, as a screen reads and steers it: an external store of {@link CallSnapshot}s and the
 * few things a person can do during the call. `subscribe` and `getSnapshot` may be passed around
 * unbound.
 */
export interface CallController {
  /** Calls `listener` after each new snapshot; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  getSnapshot(): CallSnapshot;
  /** Stops or resumes sending one kind of track; said before the session exists, it holds then. */
  setMuted(kind: MediaKind, muted: boolean): void;
  /** Sends another camera or microphone; rejects if it cannot (the previous one goes on). */
  switchDevice(kind: MediaKind, deviceId: string): Promise<void>;
  /** Asks the browser for a screen and sends it; rejects if the person refused or it failed. */
  startScreenShare(): Promise<void>;
  stopScreenShare(): void;
  /** Leaves the call's media; safe to call more than once. */
  leave(): void;
}
