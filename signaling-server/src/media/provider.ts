import type { CallStart, IceServer, Transport } from '@loket/shared';
import type { Logger } from '../log.js';
import { LiveKit, roomOf, type LiveKitRole, type LiveKitSettings } from './livekit.js';
import { iceServersFor, type TurnSettings } from './turn.js';

/** One person taking part in a call's media. */
export interface MediaParticipant {
  role: LiveKitRole;
  /** The kiosk's or the user's id; with the role it is unique within the call. */
  id: string;
  /** Shown to the others (LiveKit participant name). */
  name: string;
}

/** The transport-specific part of a party's `CallStart`. */
export type MediaJoin = Pick<CallStart, 'transport' | 'iceServers' | 'livekit'>;

/** Refused because the media server could not be reached; the call does not start. */
export class MediaUnavailableError extends Error {
  override readonly name = 'MediaUnavailableError';
}

/** Carries the media of calls; the server picks one from its configuration. */
export interface MediaProvider {
  readonly transport: Transport;
  /** Prepares a call's media before it starts; rejects with {@link MediaUnavailableError}. */
  openCall(callId: string): Promise<void>;
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

/** How a participant appears in a call's media (its LiveKit identity). */
export function identityOf(participant: Pick<MediaParticipant, 'role' | 'id'>): string {
  return `${participant.role}:${participant.id}`;
}

/** Peer-to-peer: nothing to open or close; each party gets ICE servers with its own TURN login. */
export function p2pMedia(
  settings: Pick<MediaSettings, 'iceServers' | 'turn'>,
  clock: () => number,
): MediaProvider {
  return {
    transport: 'p2p',
    livekit: null,
    openCall: () => Promise.resolve(),
    join: (_callId, participant) =>
      Promise.resolve({
        transport: 'p2p',
        iceServers: iceServersFor(
          settings.iceServers,
          settings.turn,
          identityOf(participant),
          clock(),
        ),
      }),
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
): MediaProvider {
  const departureTimeoutSeconds = Math.ceil(reconnectGraceMs / 1000) + 10;
  return {
    transport: 'livekit',
    livekit,
    async openCall(callId) {
      try {
        await livekit.createRoom(roomOf(callId), departureTimeoutSeconds);
      } catch (err) {
        log.error({ err, callId }, 'LiveKit room could not be created');
        throw new MediaUnavailableError('the video service cannot be reached');
      }
    },
    async join(callId, participant) {
      const token = await livekit.mintToken({
        room: roomOf(callId),
        identity: identityOf(participant),
        name: participant.name,
        role: participant.role,
      });
      return { transport: 'livekit', iceServers: [], livekit: { url: livekit.url, token } };
    },
    async closeCall(callId) {
      try {
        await livekit.deleteRoom(roomOf(callId));
      } catch (err) {
        log.warn({ err, callId }, 'LiveKit room could not be deleted; it closes when empty');
      }
    },
  };
}

/** LiveKit when it is configured, peer-to-peer otherwise. */
export function createMediaProvider(
  settings: MediaSettings,
  clock: () => number,
  log: Logger,
): MediaProvider {
  return settings.livekit
    ? livekitMedia(new LiveKit(settings.livekit), log, settings.reconnectGraceMs)
    : p2pMedia(settings, clock);
}
