import type { Room } from 'livekit-client';
import { Emitter } from './emitter.js';

/** Where a watched call stands. */
export type MonitorState = 'connecting' | 'watching' | 'ended';

/** What a {@link MonitorSession} tells its screen. */
export interface MonitorSessionEvents {
  /** A party's tracks changed; `stream` holds every track of theirs received so far. */
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
 * publish and hides this participant) and gathers the received tracks into one stream per
 * participant identity. livekit-client is loaded only when watching starts.
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
    const { Room, RoomEvent } = await import('livekit-client');
    if (this.#state === 'ended') return;
    const room = new Room({ adaptiveStream: false, dynacast: false });
    this.#room = room;
    room.on(RoomEvent.TrackSubscribed, (track, _publication, participant) => {
      const stream = this.#streamOf(participant.identity);
      stream.addTrack(track.mediaStreamTrack);
      this.#events.emit('stream', participant.identity, stream);
    });
    room.on(RoomEvent.TrackUnsubscribed, (track, _publication, participant) => {
      const stream = this.#streamOf(participant.identity);
      stream.removeTrack(track.mediaStreamTrack);
      this.#events.emit('stream', participant.identity, stream);
    });
    room.on(RoomEvent.Disconnected, () => this.#end());
    try {
      await room.connect(this.#options.url, this.#options.token, { autoSubscribe: true });
    } catch (error) {
      this.#end();
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
    this.#end();
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
    return this.#state === 'ended';
  }

  #end(): void {
    if (this.#state === 'ended') return;
    this.#setState('ended');
    this.#events.clear();
  }

  #setState(state: MonitorState): void {
    this.#state = state;
    this.#events.emit('state', state);
  }
}
