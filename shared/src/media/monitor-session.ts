import type { RemoteTrackPublication, Room } from 'livekit-client';
import { Emitter } from './emitter.js';

/**
 * Where a watched call stands: `ended` when the call is over (its room was deleted) or watching
 * was stopped, `lost` when the connection to the room dropped while the call may go on.
 */
export type MonitorState = 'connecting' | 'watching' | 'ended' | 'lost';

/** What a {@link MonitorSession} tells its screen. */
export interface MonitorSessionEvents {
  /** A party's camera or microphone changed; `stream` holds those received so far. */
  stream: (identity: string, stream: MediaStream) => void;
  state: (state: MonitorState) => void;
}

/** What watching a call needs: the server's hidden, subscribe-only token for the call's room. */
export interface MonitorSessionOptions {
  url: string;
  token: string;
}

/**
 * Watches a LiveKit call without taking part: joins the room receive-only (the token cannot
 * publish and hides this participant) and gathers each participant's camera and microphone into
 * one stream per identity; screen shares are left out, so they never replace a face. livekit-client
 * is loaded only when watching starts.
 */
export class MonitorSession {
  readonly #options: MonitorSessionOptions;
  readonly #events = new Emitter<MonitorSessionEvents>();
  readonly #streams = new Map<string, MediaStream>();
  #state: MonitorState = 'connecting';
  #room: Room | null = null;

  constructor(options: MonitorSessionOptions) {
    this.#options = options;
  }

  get state(): MonitorState {
    return this.#state;
  }

  /** Joins the room; rejects when the LiveKit server refuses or cannot be reached. */
  async join(): Promise<void> {
    const { DisconnectReason, Room, RoomEvent, Track } = await import('livekit-client');
    if (this.#hasEnded()) return;
    const room = new Room({ adaptiveStream: false, dynacast: false });
    this.#room = room;
    const isPerson = (publication: RemoteTrackPublication) =>
      publication.source === Track.Source.Camera || publication.source === Track.Source.Microphone;
    room.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
      if (!isPerson(publication)) return;
      const stream = this.#streamOf(participant.identity);
      stream.addTrack(track.mediaStreamTrack);
      this.#events.emit('stream', participant.identity, stream);
    });
    room.on(RoomEvent.TrackUnsubscribed, (track, publication, participant) => {
      if (!isPerson(publication)) return;
      const stream = this.#streamOf(participant.identity);
      stream.removeTrack(track.mediaStreamTrack);
      this.#events.emit('stream', participant.identity, stream);
    });
    // The server deletes the room when the call ends; any other cause is this connection's.
    room.on(RoomEvent.Disconnected, (reason) =>
      this.#end(reason === DisconnectReason.ROOM_DELETED ? 'ended' : 'lost'),
    );
    try {
      await room.connect(this.#options.url, this.#options.token, { autoSubscribe: true });
    } catch (error) {
      this.#end('lost');
      throw error;
    }
    // leave() may have run while connecting.
    if (this.#hasEnded()) {
      await room.disconnect();
      return;
    }
    this.#setState('watching');
  }

  on<E extends keyof MonitorSessionEvents>(
    event: E,
    listener: MonitorSessionEvents[E],
  ): () => void {
    return this.#events.on(event, listener);
  }

  /** Stops watching; safe to call more than once. */
  leave(): void {
    const room = this.#room;
    this.#end('ended');
    void room?.disconnect();
  }

  #streamOf(identity: string): MediaStream {
    let stream = this.#streams.get(identity);
    if (!stream) {
      stream = new MediaStream();
      this.#streams.set(identity, stream);
    }
    return stream;
  }

  #hasEnded(): boolean {
    return this.#state === 'ended' || this.#state === 'lost';
  }

  #end(state: 'ended' | 'lost'): void {
    if (this.#hasEnded()) return;
    this.#setState(state);
    this.#events.clear();
  }

  #setState(state: MonitorState): void {
    this.#state = state;
    this.#events.emit('state', state);
  }
}
