import { IDLE_CALL, type CallController, type CallSnapshot } from './call-controller.js';
import type { CallSession, MediaKind } from './call-session.js';
import { createCallSession, type CallSessionOptions } from './create-call-session.js';

/** What setting up a call takes, beside what was prepared while its offer rang. */
export interface SetupCallOptions extends CallSessionOptions {
  /** This party's camera and microphone, or how to open them. */
  local: MediaStream | (() => Promise<MediaStream>);
  /**
   * Gives the local stream up once the call is left, or when it opens after that: for an app
   * that opens camera and microphone per call. Without it, the stream stays the app's.
   */
  releaseLocal?: (local: MediaStream) => void;
  /**
   * Without camera and microphone, this party joins with an empty stream, still seeing and
   * hearing the other, and the snapshot says `cameraFailed`. Given this, the call is left
   * instead, and this says why.
   */
  onLocalFailed?: (error: unknown) => void;
}

function open(local: SetupCallOptions['local']): Promise<MediaStream> {
  return typeof local === 'function' ? local() : Promise.resolve(local);
}

/** A call set up by {@link setupCall}. */
class ActiveCall implements CallController {
  readonly #options: SetupCallOptions;
  readonly #listeners = new Set<() => void>();
  #snapshot: CallSnapshot;
  readonly #session: CallSession;
  #local: MediaStream | null = null;
  #left = false;

  constructor(options: SetupCallOptions) {
    this.#options = options;
    this.#snapshot = { ...IDLE_CALL, callId: options.call.callId };
    // The session starts at once, so this party sees and hears the other while its camera opens.
    this.#session = this.#start();
    open(options.local).then(
      (local) => this.#opened(local),
      (error: unknown) => this.#failed(error),
    );
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): CallSnapshot => this.#snapshot;

  setMuted(kind: MediaKind, muted: boolean): void {
    this.#session.setMuted(kind, muted);
    if (this.#snapshot.muted[kind] !== muted) {
      this.#update({ muted: { ...this.#snapshot.muted, [kind]: muted } });
    }
  }

  async switchDevice(kind: MediaKind, deviceId: string): Promise<void> {
    await this.#session.switchDevice(kind, deviceId);
    // Same stream, another track: a new snapshot, so whatever shows its devices reads it again.
    this.#publish({ ...this.#snapshot });
  }

  async startScreenShare(): Promise<void> {
    await this.#session.startScreenShare();
  }

  stopScreenShare(): void {
    this.#session.stopScreenShare();
  }

  leave(): void {
    if (this.#left) return;
    this.#left = true;
    this.#session.leave();
    if (this.#local) this.#options.releaseLocal?.(this.#local);
    this.#update({ state: 'ended' });
  }

  /**
   * Creates the session with what was prepared for this call; what does not fit (another
   * transport, other tracks, a room that has closed) is given up.
   */
  #start(): CallSession {
    const { call, signals, prepared, preparedRoom } = this.#options;
    const p2p = call.transport === 'p2p';
    const offer = p2p ? prepared : undefined;
    const room = !p2p && preparedRoom?.state !== 'ended' ? preparedRoom : undefined;
    if (prepared !== offer) prepared?.leave();
    if (preparedRoom !== room) preparedRoom?.leave();
    const session = createCallSession({ call, signals, prepared: offer, preparedRoom: room });
    session.on('state', (state) => this.#update({ state }));
    session.on('quality', (quality) => this.#update({ quality }));
    session.on('remoteStream', (remote) => {
      const tracks = remote.getTracks();
      this.#update({ remote: tracks.length > 0 ? new MediaStream(tracks) : null });
    });
    session.on('remoteScreen', (screen) => this.#update({ screen }));
    session.on('localScreen', (localScreen) => this.#update({ localScreen }));
    const { muted } = this.#snapshot;
    session.setMuted('audio', muted.audio);
    session.setMuted('video', muted.video);
    this.#update({ state: session.state, quality: session.quality });
    return session;
  }

  #opened(local: MediaStream): void {
    if (this.#left) {
      this.#options.releaseLocal?.(local);
      return;
    }
    this.#local = local;
    this.#update({ local });
    this.#join(this.#session, local);
  }

  #failed(error: unknown): void {
    if (this.#left) return;
    this.#update({ cameraFailed: true });
    const { onLocalFailed } = this.#options;
    if (onLocalFailed) {
      this.leave();
      onLocalFailed(error);
      return;
    }
    this.#join(this.#session, new MediaStream());
  }

  #join(session: CallSession, local: MediaStream): void {
    session
      .join(local)
      .catch((error: unknown) => console.error('The call could not be joined', error));
  }

  #update(change: Partial<CallSnapshot>): void {
    const current = this.#snapshot;
    const keys = Object.keys(change) as (keyof CallSnapshot)[];
    if (keys.every((key) => change[key] === current[key])) return;
    this.#publish({ ...current, ...change });
  }

  #publish(next: CallSnapshot): void {
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }
}

/**
 * Sets up one call's media for a screen: takes what was prepared while the offer rang (the
 * peer-to-peer connection whose offer went with the accept, or the LiveKit room already joined)
 * or starts afresh, creates the session for the transport the server chose, joins it with the
 * local stream once that is open, and keeps a snapshot of the call for `useSyncExternalStore`.
 */
export function setupCall(options: SetupCallOptions): CallController {
  return new ActiveCall(options);
}
