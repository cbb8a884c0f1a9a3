import type { CallStart, IceServer, Transport } from '@loket/shared';
import {
  memoryPreparedRooms,
  preparedCall,
  type PreparedRoom,
  type PreparedRooms,
  type RingingOffer,
} from './prepared-rooms.js';
import type { Logger } from '../log.js';
import { LiveKit, roomOf, type LiveKitRole, type LiveKitSettings } from './livekit.js';
import { identityOf, kioskOfIdentity } from './identity.js';
import { iceServersFor, type TurnSettings } from './turn.js';

/** One person taking part in a call's media. */
export interface MediaParticipant {
  role: LiveKitRole;
  /** The kiosk's or the user's id; with the role it is unique within the call. */
  id: string;
  /** Shown to the others (LiveKit participant name). */
  name: string;
  /** A kiosk's media generation (see `identityOf`). */
  generation?: number;
}

/** The transport-specific part of a party's `CallStart`. */
export type MediaJoin = Pick<CallStart, 'transport' | 'iceServers' | 'livekit'>;

/** Where and with which token each party joins a prepared room. */
export interface PreparedTokens {
  kiosk: LiveKitJoin;
  agent: LiveKitJoin;
}

/** A party's LiveKit server address and token. */
export type LiveKitJoin = NonNullable<CallStart['livekit']>;

/** Refused because the media server could not be reached; the call does not start. */
export class MediaUnavailableError extends Error {
  override readonly name = 'MediaUnavailableError';
}

/** Carries the media of calls; the server picks one from its configuration. */
export interface MediaProvider {
  readonly transport: Transport;
  /** Prepares a call's media before it starts; rejects with {@link MediaUnavailableError}. */
  openCall(callId: string): Promise<void>;
  /**
   * Peer-to-peer: notes the call an offer may start, so that its two parties may signal to each
   * other and connect while it rings, until the accept takes it (`takePreparedRoom`) or `keepMs`
   * pass. False for LiveKit, which prepares rooms instead.
   */
  preparePeers(ticketId: string, call: PreparedRoom, keepMs: number): Promise<boolean>;
  /** The ICE servers one participant of a peer-to-peer call uses now, with its own TURN login. */
  iceServersOf(participant: MediaParticipant): IceServer[];
  /**
   * Opens the room of the call an offer may start and mints both parties' tokens, so they can
   * join it while the offer rings (LiveKit). Null for peer-to-peer, or when the media server
   * cannot be reached: the accept then opens the room as usual. A room that no accept takes
   * within `keepMs` is deleted.
   */
  prepareRoom(
    callId: string,
    ticketId: string,
    parties: { kiosk: MediaParticipant; agent: MediaParticipant },
    keepMs: number,
  ): Promise<PreparedTokens | null>;
  /**
   * The call prepared for this ticket's ringing offer (room or peers), if there is one; given the
   * offer, only if the call was prepared for it.
   */
  preparedCallOf(ticketId: string, offer?: RingingOffer): Promise<string | null>;
  /**
   * Disconnects from a call's media every participant that claims to be this kiosk under another
   * media generation than `generation`; says how many there were.
   */
  removeStaleKiosk(callId: string, kioskId: string, generation: number): Promise<number>;
  /** The call prepared for this ticket's offer to this agent (room or peers); taken once. */
  takePreparedRoom(ticketId: string, agentId: string): Promise<string | null>;
  /** What one participant needs to join the call's media. */
  join(callId: string, participant: MediaParticipant): Promise<MediaJoin>;
  /** Tears a call's media down once it has ended; never rejects. */
  closeCall(callId: string): Promise<void>;
  /** The LiveKit client when calls use LiveKit (for webhooks), otherwise null. */
  readonly livekit: LiveKit | null;
}

/** Media settings of one server process. */
export interface MediaSettings {
  iceServers: IceServer[];
  turn: TurnSettings | null;
  livekit: LiveKitSettings | null;
  /** How long a party may be away before the call ends. */
  reconnectGraceMs?: number;
}

const DEFAULT_RECONNECT_GRACE_MS = 60_000;

/**
 * Peer-to-peer: nothing to open or close; each party gets ICE servers with its own TURN login.
 * The calls of ringing offers are kept where prepared rooms are (Redis in a cluster), so that
 * their parties can connect beforehand through any instance.
 */
export function p2pMedia(
  settings: Pick<MediaSettings, 'iceServers' | 'turn'>,
  clock: () => number,
  prepared: PreparedRooms = memoryPreparedRooms(),
): MediaProvider {
  const iceServersOf = (participant: MediaParticipant) =>
    iceServersFor(settings.iceServers, settings.turn, identityOf(participant), clock());
  return {
    transport: 'p2p',
    livekit: null,
    openCall: () => Promise.resolve(),
    prepareRoom: () => Promise.resolve(null),
    async preparePeers(ticketId, call, keepMs) {
      await prepared.put(ticketId, call, keepMs);
      setTimeout(
        () => void prepared.drop(ticketId, call.callId).catch(() => false),
        keepMs,
      ).unref();
      return true;
    },
    takePreparedRoom: (ticketId, agentId) => prepared.take(ticketId, agentId),
    preparedCallOf: (ticketId, offer) => preparedCall(prepared, ticketId, offer),
    removeStaleKiosk: () => Promise.resolve(0),
    iceServersOf,
    join: (_callId, participant) =>
      Promise.resolve({ transport: 'p2p', iceServers: iceServersOf(participant) }),
    closeCall: () => Promise.resolve(),
  };
}

/**
 * LiveKit: a room per call, created at the start and deleted at the end; a token per party. A
 * room whose parties all dropped stays open a little longer than the reconnect grace, which
 * decides when the call is over.
 */
export function livekitMedia(
  livekit: LiveKit,
  log: Logger,
  reconnectGraceMs = DEFAULT_RECONNECT_GRACE_MS,
  prepared: PreparedRooms = memoryPreparedRooms(),
): MediaProvider {
  const departureTimeoutSeconds = Math.ceil(reconnectGraceMs / 1000) + 10;

  async function openRoom(callId: string): Promise<void> {
    try {
      await livekit.createRoom(roomOf(callId), departureTimeoutSeconds);
    } catch (err) {
      log.error({ err, callId }, 'LiveKit room could not be created');
      throw new MediaUnavailableError('the video service cannot be reached');
    }
  }

  async function closeRoom(callId: string): Promise<void> {
    try {
      await livekit.deleteRoom(roomOf(callId));
    } catch (err) {
      log.warn({ err, callId }, 'LiveKit room could not be deleted; it closes when empty');
    }
  }

  async function token(callId: string, participant: MediaParticipant): Promise<LiveKitJoin> {
    const minted = await livekit.mintToken({
      room: roomOf(callId),
      identity: identityOf(participant),
      name: participant.name,
      role: participant.role,
    });
    return { url: livekit.url, token: minted };
  }

  return {
    transport: 'livekit',
    livekit,
    preparePeers: () => Promise.resolve(false),
    iceServersOf: () => [],
    openCall: openRoom,
    async prepareRoom(callId, ticketId, parties, keepMs) {
      try {
        await openRoom(callId);
      } catch {
        return null;
      }
      const previous = await prepared.put(ticketId, { callId, agentId: parties.agent.id }, keepMs);
      if (previous) void closeRoom(previous.callId);
      // Whichever instance took the room for the call took it from the store: one left there
      // when the offer is over was never used.
      setTimeout(() => {
        prepared
          .drop(ticketId, callId)
          .then((unused) => (unused ? closeRoom(callId) : undefined))
          .catch((err: unknown) => log.warn({ err, callId }, 'a prepared room was not dropped'));
      }, keepMs).unref();
      const [kiosk, agent] = await Promise.all([
        token(callId, parties.kiosk),
        token(callId, parties.agent),
      ]);
      return { kiosk, agent };
    },
    preparedCallOf: (ticketId, offer) => preparedCall(prepared, ticketId, offer),
    async removeStaleKiosk(callId, kioskId, generation) {
      const room = roomOf(callId);
      const stale = (await livekit.participantsOf(room)).filter((identity) => {
        const kiosk = kioskOfIdentity(identity);
        return kiosk?.kioskId === kioskId && kiosk.generation !== generation;
      });
      await Promise.all(stale.map((identity) => livekit.removeParticipant(room, identity)));
      return stale.length;
    },
    takePreparedRoom: (ticketId, agentId) => prepared.take(ticketId, agentId),
    async join(callId, participant) {
      return { transport: 'livekit', iceServers: [], livekit: await token(callId, participant) };
    },
    closeCall: closeRoom,
  };
}

/** LiveKit when it is configured, peer-to-peer otherwise. */
export function createMediaProvider(
  settings: MediaSettings,
  clock: () => number,
  log: Logger,
  preparedRooms?: PreparedRooms,
): MediaProvider {
  return settings.livekit
    ? livekitMedia(new LiveKit(settings.livekit), log, settings.reconnectGraceMs, preparedRooms)
    : p2pMedia(settings, clock, preparedRooms);
}
