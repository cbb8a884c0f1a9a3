import type * as Sdk from 'livekit-server-sdk';
import type {
  RoomServiceClient,
  VideoGrant,
  WebhookEvent,
  WebhookReceiver,
} from 'livekit-server-sdk';

let loading: Promise<typeof Sdk> | undefined;
/**
 * The SDK, loaded when LiveKit is first set up: a server on peer-to-peer media never holds its
 * protocol code (a few MB of heap) in memory.
 */
const sdk = () => (loading ??= import('livekit-server-sdk'));

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
function sourcesOf(role: Exclude<LiveKitRole, 'monitor'>, source: typeof Sdk.TrackSource) {
  const camera = [source.CAMERA, source.MICROPHONE];
  return role === 'kiosk' ? camera : [...camera, source.SCREEN_SHARE, source.SCREEN_SHARE_AUDIO];
}

const ROOM_PREFIX = 'loket-call-';

/** The room of one call; a token names exactly one room. */
export function roomOf(callId: string): string {
  return `${ROOM_PREFIX}${callId}`;
}

/** What a participant's token allows: its own call's room only, never administration. */
export async function grantFor(room: string, role: LiveKitRole): Promise<VideoGrant> {
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
    canPublishSources: sourcesOf(role, (await sdk()).TrackSource),
  };
}

/** Talks to the LiveKit server: rooms per call, tokens per participant, signed webhooks. */
export class LiveKit {
  readonly #settings: LiveKitSettings;
  readonly #clients: Promise<{ rooms: RoomServiceClient; webhooks: WebhookReceiver }>;

  constructor(settings: LiveKitSettings) {
    this.#settings = settings;
    const http = settings.url.replace(/^ws/, 'http');
    this.#clients = sdk().then((loaded) => ({
      rooms: new loaded.RoomServiceClient(http, settings.apiKey, settings.apiSecret, {
        requestTimeout: 5,
      }),
      webhooks: new loaded.WebhookReceiver(settings.apiKey, settings.apiSecret),
    }));
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
    const { rooms } = await this.#clients;
    await rooms.createRoom({
      name: room,
      emptyTimeout: EMPTY_ROOM_TIMEOUT_SECONDS,
      departureTimeout: departureTimeoutSeconds,
    });
  }

  /** Deletes a room, disconnecting everyone still in it; a room already gone is fine. */
  async deleteRoom(room: string): Promise<void> {
    const { rooms } = await this.#clients;
    const existing = await rooms.listRooms([room]);
    if (existing.length > 0) await rooms.deleteRoom(room);
  }

  /**
   * Whether `identity` is in `room` now. Anything but a clear answer counts as absent: media that
   * cannot be confirmed is not flowing.
   */
  async hasParticipant(room: string, identity: string): Promise<boolean> {
    const { rooms } = await this.#clients;
    try {
      await rooms.getParticipant(room, identity);
      return true;
    } catch {
      return false;
    }
  }

  /** The identities of everyone in `room` now; none for a room that is gone. */
  async participantsOf(room: string): Promise<string[]> {
    const { rooms } = await this.#clients;
    try {
      return (await rooms.listParticipants(room)).map((p) => p.identity);
    } catch {
      return [];
    }
  }

  /** Disconnects `identity` from `room`; one already gone is fine. */
  async removeParticipant(room: string, identity: string): Promise<void> {
    const { rooms } = await this.#clients;
    try {
      await rooms.removeParticipant(room, identity);
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
    const { AccessToken } = await sdk();
    const token = new AccessToken(this.#settings.apiKey, this.#settings.apiSecret, {
      identity: input.identity,
      name: input.name,
      ttl: TOKEN_TTL_SECONDS,
    });
    token.addGrant(await grantFor(input.room, input.role));
    return token.toJwt();
  }

  /** Checks a webhook's signature against its raw body; rejects a forged or altered one. */
  async receiveWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookEvent> {
    const { webhooks } = await this.#clients;
    return webhooks.receive(rawBody, authorization);
  }
}

/** The call a room belongs to, or null for a room Loket did not make. */
export function callIdOfRoom(room: string | undefined): string | null {
  return room?.startsWith(ROOM_PREFIX) ? room.slice(ROOM_PREFIX.length) : null;
}
