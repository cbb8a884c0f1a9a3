import type {
  ConnectionQuality,
  RemoteTrack,
  RemoteTrackPublication,
  Room,
  TrackPublishOptions,
} from 'livekit-client';
import { UNKNOWN_QUALITY, type CallQuality, type CallQualityReport } from './call-quality.js';
import type {
  CallConnectionState,
  CallSession,
  CallSessionEvents,
  MediaKind,
} from './call-session.js';
import { DeviceSwitch } from './device-switch.js';
import { Emitter } from './emitter.js';
import { captureScreen, stopStream } from './local-tracks.js';

/** What a LiveKit call needs from the server's `call:started`. */
export interface LiveKitCallOptions {
  /** The LiveKit server's `ws://` or `wss://` address. */
  url: string;
  /** This party's token, scoped to the call's room. */
  token: string;
  /** Keep the frame rate when bandwidth drops and ask for 720p at 25 fps. */
  signLanguage?: boolean;
}

/** What sign-language video asks of the camera and the encoder. */
export const SIGN_LANGUAGE_VIDEO = { width: 1280, height: 720, frameRate: 25 } as const;

/** LiveKit's five grades in Loket's words: its "good" is a notch below its best. */
const QUALITY_BY_LIVEKIT: Record<`${ConnectionQuality}`, CallQuality> = {
  excellent: 'good',
  good: 'fair',
  poor: 'poor',
  lost: 'lost',
  unknown: 'unknown',
};

/**
 * A call through a LiveKit room. livekit-client is loaded only when the call is joined, so it is
 * in no app's first bundle. LiveKit's own reconnects show as `reconnecting`, then `connected`.
 */
export class LiveKitCallSession implements CallSession {
  readonly #options: LiveKitCallOptions;
  readonly #events = new Emitter<CallSessionEvents>();
  readonly #remote = new MediaStream();
  #state: CallConnectionState = 'connecting';
  #quality: CallQualityReport = UNKNOWN_QUALITY;
  #room: Room | null = null;
  #local: MediaStream | null = null;
  #screen: MediaStream | null = null;
  readonly #muted = { audio: false, video: false };
  readonly #deviceSwitch = new DeviceSwitch(() => this.#hasEnded());

  constructor(options: LiveKitCallOptions) {
    this.#options = options;
  }

  get state(): CallConnectionState {
    return this.#state;
  }

  get quality(): CallQualityReport {
    return this.#quality;
  }

  async join(local: MediaStream): Promise<void> {
    this.#local = local;
    const { Room, RoomEvent, Track } = await import('livekit-client');
    if (this.#state === 'ended') return;
    const room = new Room({ adaptiveStream: false, dynacast: false });
    this.#room = room;
    const isScreen = (publication: RemoteTrackPublication) =>
      publication.source === Track.Source.ScreenShare;
    room.on(RoomEvent.TrackSubscribed, (track, publication) => {
      if (isScreen(publication)) return this.#events.emit('remoteScreen', streamOf(track));
      this.#remote.addTrack(track.mediaStreamTrack);
      this.#events.emit('remoteStream', this.#remote);
    });
    room.on(RoomEvent.TrackUnsubscribed, (track, publication) => {
      if (isScreen(publication)) return this.#events.emit('remoteScreen', null);
      this.#remote.removeTrack(track.mediaStreamTrack);
      this.#events.emit('remoteStream', this.#remote);
    });
    room.on(RoomEvent.ConnectionQualityChanged, (quality, participant) => {
      const side = participant.isLocal ? 'local' : 'remote';
      this.#setQuality({ ...this.#quality, [side]: QUALITY_BY_LIVEKIT[quality] });
    });
    room.on(RoomEvent.Reconnecting, () => this.#setState('reconnecting'));
    room.on(RoomEvent.SignalReconnecting, () => this.#setState('reconnecting'));
    room.on(RoomEvent.Reconnected, () => this.#setState('connected'));
    room.on(RoomEvent.Disconnected, () => this.#end());
    await room.connect(this.#options.url, this.#options.token);
    // leave() may have run while connecting.
    if (this.#hasEnded()) {
      await room.disconnect(false);
      return;
    }
    this.#setState('connected');
    // Published together, so LiveKit negotiates camera and microphone in one round.
    await Promise.all(
      local.getTracks().map(async (track) => {
        const options: TrackPublishOptions =
          track.kind === 'video'
            ? { source: Track.Source.Camera, ...(await this.#videoOptions(track)) }
            : { source: Track.Source.Microphone };
        track.enabled = !this.#muted[track.kind === 'video' ? 'video' : 'audio'];
        await room.localParticipant.publishTrack(track, options);
      }),
    );
  }

  /** Sign-language video: the camera at 720p/25 and an encoder that drops resolution, not frames. */
  async #videoOptions(track: MediaStreamTrack): Promise<TrackPublishOptions> {
    if (!this.#options.signLanguage) return {};
    const { width, height, frameRate } = SIGN_LANGUAGE_VIDEO;
    await track
      .applyConstraints({
        width: { min: width },
        height: { min: height },
        frameRate: { min: frameRate },
      })
      .catch(() => track.applyConstraints({ width, height, frameRate }))
      .catch(() => undefined);
    return {
      degradationPreference: 'maintain-framerate',
      simulcast: false,
      videoEncoding: { maxBitrate: 2_500_000, maxFramerate: frameRate },
    };
  }

  setMuted(kind: 'audio' | 'video', muted: boolean): void {
    this.#muted[kind] = muted;
    for (const track of this.#local?.getTracks() ?? []) {
      if (track.kind === kind) track.enabled = !muted;
    }
  }

  async switchDevice(kind: MediaKind, deviceId: string): Promise<MediaStreamTrack> {
    const local = this.#local;
    if (!local) throw new Error('switchDevice before join');
    return this.#deviceSwitch.run(local, kind, deviceId, async (_previous, next) => {
      const { Track } = await import('livekit-client');
      const source = kind === 'video' ? Track.Source.Camera : Track.Source.Microphone;
      const published = this.#room?.localParticipant.getTrackPublication(source)?.track;
      // The app's track, not LiveKit's: LiveKit must not stop or restart it on its own.
      await published?.replaceTrack(next, { userProvidedTrack: true });
    });
  }

  async startScreenShare(): Promise<void> {
    const room = this.#room;
    if (this.#screen || !room || this.#hasEnded()) return;
    const screen = await captureScreen(() => this.stopScreenShare());
    const [track] = screen.getVideoTracks();
    if (this.#hasEnded() || !track) return stopStream(screen);
    this.#screen = screen;
    try {
      const { Track } = await import('livekit-client');
      await room.localParticipant.publishTrack(track, { source: Track.Source.ScreenShare });
    } catch (error) {
      // Not sent, so not a share: the next press must ask for a screen again.
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
    for (const track of screen.getTracks()) {
      void this.#room?.localParticipant.unpublishTrack(track, false).catch(() => undefined);
    }
    stopStream(screen);
    this.#events.emit('localScreen', null);
  }

  on<E extends keyof CallSessionEvents>(event: E, listener: CallSessionEvents[E]): () => void {
    return this.#events.on(event, listener);
  }

  leave(): void {
    if (this.#state === 'ended') return;
    const room = this.#room;
    this.#end();
    // The app owns the camera and microphone: leaving must not stop them.
    void room?.disconnect(false);
  }

  #hasEnded(): boolean {
    return this.#state === 'ended';
  }

  #end(): void {
    if (this.#state === 'ended') return;
    stopStream(this.#screen);
    this.#screen = null;
    this.#setState('ended');
    this.#events.clear();
  }

  #setQuality(quality: CallQualityReport): void {
    if (quality.local === this.#quality.local && quality.remote === this.#quality.remote) return;
    this.#quality = quality;
    this.#events.emit('quality', quality);
  }

  #setState(state: CallConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#events.emit('state', state);
  }
}

/** A remote track in a stream of its own, for a video element. */
function streamOf(track: RemoteTrack): MediaStream {
  return new MediaStream([track.mediaStreamTrack]);
}
