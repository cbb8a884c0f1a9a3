import type {
  ConnectionQuality,
  LocalTrack,
  RemoteTrackPublication,
  Room,
  TrackPublishOptions,
} from 'livekit-client';
import { BaseCallSession } from './base-call-session.js';
import type { CallQuality } from './call-quality.js';
import type { MediaKind } from './call-session.js';
import {
  askForSigningVideo,
  SIGN_LANGUAGE_MAX_BITRATE,
  SIGN_LANGUAGE_VIDEO,
} from './sign-language-video.js';

/** What a LiveKit call needs from the server's `call:started`. */
export interface LiveKitCallOptions {
  /** The LiveKit server's `ws://` or `wss://` address. */
  url: string;
  /** This party's token, scoped to the call's room. */
  token: string;
  /** Keep the frame rate when bandwidth drops and ask for 720p at 25 fps. */
  signLanguage?: boolean;
}

/** LiveKit's five grades in Loket's words: its "good" is a notch below its best. */
const QUALITY_BY_LIVEKIT: Record<`${ConnectionQuality}`, CallQuality> = {
  excellent: 'good',
  good: 'fair',
  poor: 'poor',
  lost: 'lost',
  unknown: 'unknown',
};

/**
 * A call through a LiveKit room. livekit-client is loaded only when the room is joined, so it is
 * in no app's first bundle. LiveKit's own reconnects show as `reconnecting`, then `connected`.
 *
 * A call has one viewer per camera, so the camera is sent as one stream, not simulcast: a
 * simulcast call starts on its smallest layer and can take a second to switch up.
 */
export class LiveKitCallSession extends BaseCallSession {
  readonly #options: LiveKitCallOptions;
  #room: Room | null = null;
  #connecting: Promise<Room | null> | null = null;
  #joining: Promise<void> | null = null;
  #prepublished: Promise<LocalTrack[] | null> | null = null;

  constructor(options: LiveKitCallOptions) {
    super();
    this.#options = options;
  }

  /**
   * Joins the call's room without publishing anything: while the offer rings, so that only the
   * publishing is left for the start of the call. Resolves null if the session ended meanwhile.
   */
  connect(): Promise<Room | null> {
    this.#connecting ??= this.#connect();
    return this.#connecting;
  }

  async #connect(): Promise<Room | null> {
    const { Room, RoomEvent, Track } = await import('livekit-client');
    if (this.hasEnded()) return null;
    const room = new Room({ adaptiveStream: false, dynacast: false });
    this.#room = room;
    const isScreen = (publication: RemoteTrackPublication) =>
      publication.source === Track.Source.ScreenShare;
    room.on(RoomEvent.TrackSubscribed, (track, publication) => {
      if (isScreen(publication)) this.showRemoteScreen(track.mediaStreamTrack);
      else this.addRemoteTrack(track.mediaStreamTrack);
    });
    room.on(RoomEvent.TrackUnsubscribed, (track, publication) => {
      if (isScreen(publication)) this.showRemoteScreen(null);
      else this.removeRemoteTrack(track.mediaStreamTrack);
    });
    room.on(RoomEvent.ConnectionQualityChanged, (quality, participant) => {
      const side = participant.isLocal ? 'local' : 'remote';
      this.setQuality({ ...this.quality, [side]: QUALITY_BY_LIVEKIT[quality] });
    });
    room.on(RoomEvent.Reconnecting, () => this.setState('reconnecting'));
    room.on(RoomEvent.SignalReconnecting, () => this.setState('reconnecting'));
    room.on(RoomEvent.Reconnected, () => this.setState('connected'));
    room.on(RoomEvent.Disconnected, () => this.end());
    await room.connect(this.#options.url, this.#options.token);
    // leave() may have run while connecting.
    if (this.hasEnded()) {
      await room.disconnect(false);
      return null;
    }
    this.setState('connected');
    return room;
  }

  /**
   * While the offer rings: publishes camera and microphone muted (nothing is sent, the tracks are
   * disabled before they are published), so that the other party is subscribed already and
   * `join` only has to unmute. Only for the officer, whose click on Accept is the consent.
   */
  prepublish(local: MediaStream): void {
    this.#prepublished ??= this.connect().then((room) => room && this.#publish(room, local, true));
    // A failure shows at `join`, which then publishes the usual way.
    this.#prepublished.catch(() => undefined);
  }

  /**
   * Publishes camera and microphone in the call's room (or unmutes what was pre-published with
   * the same stream). Publishing happens once: joining again (the console publishes at the click
   * on Accept, then its call view joins) only tells the new listeners where things stand, as a
   * room joined while the offer rang may be connected, and even receiving, before they listened.
   */
  async join(local: MediaStream): Promise<void> {
    this.#joining ??= this.#join(local);
    if (await this.connect()) this.replay();
    return this.#joining;
  }

  async #join(local: MediaStream): Promise<void> {
    this.useLocal(local);
    const room = await this.connect();
    if (!room) return;
    const prepublished = await this.#prepublished?.catch(() => null);
    if (!prepublished) {
      await this.#publish(room, local, false);
      return;
    }
    await Promise.all(
      prepublished.map(async (track) => {
        await track.unmute();
        track.mediaStreamTrack.enabled = !this.isMuted(track.kind);
      }),
    );
  }

  /** Publishes each track of `local`, camera and microphone together, in one negotiation. */
  async #publish(room: Room, local: MediaStream, muted: boolean): Promise<LocalTrack[]> {
    const { LocalAudioTrack, LocalVideoTrack, Track } = await import('livekit-client');
    return Promise.all(
      local.getTracks().map(async (track) => {
        const video = track.kind === 'video';
        const options: TrackPublishOptions = video
          ? { source: Track.Source.Camera, simulcast: false, ...(await this.#videoOptions(track)) }
          : { source: Track.Source.Microphone };
        // The app's track, not LiveKit's: LiveKit must not stop or restart it on its own.
        const published = video
          ? new LocalVideoTrack(track, undefined, true)
          : new LocalAudioTrack(track, undefined, true);
        if (muted) await published.mute();
        else track.enabled = !this.isMuted(track.kind);
        await room.localParticipant.publishTrack(published, options);
        return published;
      }),
    );
  }

  /** Sign-language video: the camera at 720p/25 and an encoder that drops resolution, not frames. */
  async #videoOptions(track: MediaStreamTrack): Promise<TrackPublishOptions> {
    if (!this.#options.signLanguage) return {};
    await askForSigningVideo(track);
    return {
      degradationPreference: 'maintain-framerate',
      videoEncoding: {
        maxBitrate: SIGN_LANGUAGE_MAX_BITRATE,
        maxFramerate: SIGN_LANGUAGE_VIDEO.frameRate,
      },
    };
  }

  protected async sendDevice(
    kind: MediaKind,
    _previous: MediaStreamTrack | undefined,
    next: MediaStreamTrack,
  ): Promise<void> {
    const { Track } = await import('livekit-client');
    const source = kind === 'video' ? Track.Source.Camera : Track.Source.Microphone;
    const published = this.#room?.localParticipant.getTrackPublication(source)?.track;
    // The app's track, not LiveKit's: LiveKit must not stop or restart it on its own.
    await published?.replaceTrack(next, { userProvidedTrack: true });
  }

  /** A screen share goes out in the room, so there is none to send before the room is joined. */
  protected override canShareScreen(): boolean {
    return this.#room !== null;
  }

  protected async sendScreen(_screen: MediaStream, track: MediaStreamTrack): Promise<void> {
    const { Track } = await import('livekit-client');
    await this.#room?.localParticipant.publishTrack(track, { source: Track.Source.ScreenShare });
  }

  protected unsendScreen(screen: MediaStream): void {
    for (const track of screen.getTracks()) {
      void this.#room?.localParticipant.unpublishTrack(track, false).catch(() => undefined);
    }
  }

  /** The app owns the camera and microphone: leaving the room must not stop them. */
  protected release(): void {
    void this.#room?.disconnect(false);
  }
}
