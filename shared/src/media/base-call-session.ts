import { UNKNOWN_QUALITY, type CallQualityReport } from './call-quality.js';
import type {
  CallConnectionState,
  CallSession,
  CallSessionEvents,
  MediaKind,
} from './call-session.js';
import { DeviceSwitch } from './device-switch.js';
import { Emitter } from './emitter.js';
import { captureScreen, stopStream } from './local-tracks.js';

/**
 * What every {@link CallSession} keeps the same way, whatever carries its media: the events, the
 * state and quality (told only when they change), the other party's streams, the joined stream
 * and its muted kinds, one device switch at a time, the screen share's capture, and the end.
 * A transport adds only how it connects and how it puts tracks on the wire.
 */
export abstract class BaseCallSession implements CallSession {
  readonly #events = new Emitter<CallSessionEvents>();
  #state: CallConnectionState = 'connecting';
  #quality: CallQualityReport = UNKNOWN_QUALITY;
  readonly #remote = new MediaStream();
  #remoteScreen: { track: MediaStreamTrack; stream: MediaStream } | null = null;
  #local: MediaStream | null = null;
  readonly #muted: Record<MediaKind, boolean> = { audio: false, video: false };
  #screen: MediaStream | null = null;
  readonly #deviceSwitch = new DeviceSwitch(() => this.hasEnded());

  get state(): CallConnectionState {
    return this.#state;
  }

  get quality(): CallQualityReport {
    return this.#quality;
  }

  abstract join(local: MediaStream): Promise<void>;

  /** Puts `next` on the wire in place of `previous`, without renegotiating. */
  protected abstract sendDevice(
    kind: MediaKind,
    previous: MediaStreamTrack | undefined,
    next: MediaStreamTrack,
  ): Promise<void>;

  /** Sends a screen share beside the camera; rejects if it cannot be sent. */
  protected abstract sendScreen(screen: MediaStream, track: MediaStreamTrack): Promise<void>;

  /** Stops sending the screen share; its capture is stopped here. */
  protected abstract unsendScreen(screen: MediaStream): void;

  /** Closes the connection once the session has ended. */
  protected abstract release(): void;

  /** Whether there is a connection to send a screen share on yet. */
  protected canShareScreen(): boolean {
    return true;
  }

  /** The stream given to `join` (or prepared with the connection), once there is one. */
  protected get local(): MediaStream | null {
    return this.#local;
  }

  /** The screen share being sent, if any. */
  protected get screen(): MediaStream | null {
    return this.#screen;
  }

  /** Takes the app's stream to send; a kind muted before it came stays muted. */
  protected useLocal(local: MediaStream): void {
    this.#local = local;
    for (const track of local.getTracks()) {
      if (this.isMuted(track.kind)) track.enabled = false;
    }
  }

  protected isMuted(kind: string): boolean {
    return (kind === 'audio' || kind === 'video') && this.#muted[kind];
  }

  setMuted(kind: MediaKind, muted: boolean): void {
    this.#muted[kind] = muted;
    for (const track of this.#local?.getTracks() ?? []) {
      if (track.kind === kind) track.enabled = !muted;
    }
  }

  async switchDevice(kind: MediaKind, deviceId: string): Promise<MediaStreamTrack> {
    const local = this.#local;
    if (!local) throw new Error('switchDevice before join');
    return this.#deviceSwitch.run(local, kind, deviceId, (previous, next) =>
      this.sendDevice(kind, previous, next),
    );
  }

  async startScreenShare(): Promise<void> {
    if (this.#screen || this.hasEnded() || !this.canShareScreen()) return;
    const screen = await captureScreen(() => this.stopScreenShare());
    const [track] = screen.getVideoTracks();
    // The call may have ended while the browser asked which screen to share.
    if (this.hasEnded() || !track) return stopStream(screen);
    this.#screen = screen;
    try {
      await this.sendScreen(screen, track);
    } catch (error) {
      // Not sent, so not a share: the capture stops and the next press asks for a screen again.
      stopStream(screen);
      if (this.#screen === screen) this.#screen = null;
      throw error;
    }
    this.#events.emit('localScreen', screen);
  }

  stopScreenShare(): void {
    const screen = this.#screen;
    if (!screen) return;
    this.#screen = null;
    this.unsendScreen(screen);
    stopStream(screen);
    this.#events.emit('localScreen', null);
  }

  on<E extends keyof CallSessionEvents>(event: E, listener: CallSessionEvents[E]): () => void {
    return this.#events.on(event, listener);
  }

  leave(): void {
    if (this.hasEnded()) return;
    this.end();
    this.release();
  }

  /** Ends the session: its screen share stops, `ended` is told, and nobody is told more. */
  protected end(): void {
    if (this.hasEnded()) return;
    stopStream(this.#screen);
    this.#screen = null;
    this.setState('ended');
    this.#events.clear();
  }

  protected hasEnded(): boolean {
    return this.#state === 'ended';
  }

  protected setState(state: CallConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#events.emit('state', state);
  }

  protected setQuality(quality: CallQualityReport): void {
    if (quality.local === this.#quality.local && quality.remote === this.#quality.remote) return;
    this.#quality = quality;
    this.#events.emit('quality', quality);
  }

  protected addRemoteTrack(track: MediaStreamTrack): void {
    this.#remote.addTrack(track);
    this.#events.emit('remoteStream', this.#remote);
  }

  protected removeRemoteTrack(track: MediaStreamTrack): void {
    this.#remote.removeTrack(track);
    this.#events.emit('remoteStream', this.#remote);
  }

  /** The other party is gone for good (a new connection starts): nothing of theirs is shown. */
  protected clearRemote(): void {
    for (const track of this.#remote.getTracks()) this.#remote.removeTrack(track);
    this.#events.emit('remoteStream', this.#remote);
    this.showRemoteScreen(null);
  }

  /** The other party's screen share is `track` (null: they share none); told when it changes. */
  protected showRemoteScreen(track: MediaStreamTrack | null): void {
    if (track === (this.#remoteScreen?.track ?? null)) return;
    this.#remoteScreen = track && { track, stream: new MediaStream([track]) };
    this.#events.emit('remoteScreen', this.#remoteScreen?.stream ?? null);
  }

  /**
   * Tells the listeners where things stand: for a session that may have connected, and even
   * received, before the app listened.
   */
  protected replay(): void {
    this.#events.emit('state', this.#state);
    this.#events.emit('quality', this.#quality);
    if (this.#remote.getTracks().length > 0) this.#events.emit('remoteStream', this.#remote);
    if (this.#remoteScreen) this.#events.emit('remoteScreen', this.#remoteScreen.stream);
  }
}
