import {
  AccessToken,
  RoomServiceClient,
  TrackSource,
  WebhookReceiver,
  type VideoGrant,
  type WebhookEvent,
} from 'livekit-server-sdk';

/** Where Loket's LiveKit server is and the key pair Loket signs with. */
export interface LiveKitSettings {
  /** `ws://` or `wss://` address that browsers connect to. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** Who joins a call's room, and so what they may do there. */
export type LiveKitRole = 'kiosk' | 'agent' | 'monitor';

/** How long a token lets someone join; a connected participant's token is refreshed by LiveKit. */
export const TOKEN_TTL_SECONDS = 120;

/** Empty rooms close after this long even if nobody deletes them. */
const EMPTY_ROOM_TIMEOUT_SECONDS = 10 * 60;

/** Camera and microphone for both parties; the agent may also share a screen. */
const SOURCES: Record<Exclude<LiveKitRole, 'monitor'>, TrackSource[]> = {
  kiosk: [TrackSource.CAMERA, TrackSource.MICROPHONE],
  agent: [
    TrackSource.CAMERA,
    TrackSource.MICROPHONE,
    TrackSource.SCREEN_SHARE,
    TrackSource.SCREEN_SHARE_AUDIO,
  ],
};

const ROOM_PREFIX = 'loket-call-';

/** The room of one call; a token names exactly one room. */
export function roomOf(callId: string): string {
  return `${ROOM_PREFIX}${callId}`;
}

/** What a participant's token allows: its own call's room only, never administration. */
export function grantFor(room: string, role: LiveKitRole): VideoGrant {
  if (role === 'monitor') {
    return {
      roomJoin: true,
      room,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      hidden: true,
    };
  }
  return {
    roomJoin: true,
    room,
    canSubscribe: true,
    canPublish: true,
    canPublishData: false,
    canPublishSources: SOURCES[role],
  };
}

/** Talks to the LiveKit server: rooms per call, tokens per participant, signed webhooks. */
export class LiveKit {
  readonly #settings: LiveKitSettings;
  readonly #rooms: RoomServiceClient;
  readonly #webhooks: WebhookReceiver;

  constructor(settings: LiveKitSettings) {
    this.#settings = settings;
    const http = settings.url.replace(/^ws/, 'http');
    this.#rooms = new RoomServiceClient(http, settings.apiKey, settings.apiSecret, {
      requestTimeout: 5,
    });
    this.#webhooks = new WebhookReceiver(settings.apiKey, settings.apiSecret);
  }

  /** The address browsers connect to. */
  get url(): string {
    return this.#settings.url;
  }

  /**
   * Creates the room of a call; rejects when the LiveKit server cannot be reached. The room
   * outlives a moment with nobody in it by `departureTimeoutSeconds`, so that both parties can
   * come back within the reconnect grace (LiveKit's default closes it after 20 s).
   */
  async createRoom(room: string, departureTimeoutSeconds: number): Promise<void> {
    await this.#rooms.createRoom({
      name: room,
      emptyTimeout: EMPTY_ROOM_TIMEOUT_SECONDS,
      departureTimeout: departureTimeoutSeconds,
    });
  }

  /** Deletes a room, disconnecting everyone still in it; a room already gone is fine. */
  async deleteRoom(room: string): Promise<void> {
    const existing = await this.#rooms.listRooms([room]);
    if (existing.length > 0) await this.#rooms.deleteRoom(room);
  }

  /**
   * Whether `identity` is in `room` now. Anything but a clear answer counts as absent: media that
   * cannot be confirmed is not flowing.
   */
  async hasParticipant(room: string, identity: string): Promise<boolean> {
    try {
      await this.#rooms.getParticipant(room, identity);
      return true;
    } catch {
      return false;
    }
  }

  /** The identities of everyone in `room` now; none for a room that is gone. */
  async participantsOf(room: string): Promise<string[]> {
    try {
      return (await this.#rooms.listParticipants(room)).map((p) => p.identity);
    } catch {
      return [];
    }
  }

  /** Disconnects `identity` from `room`; one already gone is fine. */
  async removeParticipant(room: string, identity: string): Promise<void> {
    try {
      await this.#rooms.removeParticipant(room, identity);
    } catch (err) {
      if (await this.hasParticipant(room, identity)) throw err;
    }
  }

  /** A token that lets `identity` join `room` as `role` for {@link TOKEN_TTL_SECONDS}. */
  async mintToken(input: {
    room: string;
    identity: string;
    name: string;
    role: LiveKitRole;
  }): Promise<string> {
    const token = new AccessToken(this.#settings.apiKey, this.#settings.apiSecret, {
      identity: input.identity,
      name: input.name,
      ttl: TOKEN_TTL_SECONDS,
    });
    token.addGrant(grantFor(input.room, input.role));
    return token.toJwt();
  }

  /** Checks a webhook's signature against its raw body; rejects a forged or altered one. */
  receiveWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookEvent> {
    return this.#webhooks.receive(rawBody, authorization);
  }
}

/** The call a room belongs to, or null for a room Loket did not make. */
export function callIdOfRoom(room: string | undefined): string | null {
  return room?.startsWith(ROOM_PREFIX) ? room.slice(ROOM_PREFIX.length) : null;
}
