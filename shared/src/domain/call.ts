import { z } from 'zod';
import { Id } from './ids.js';
import { Language } from './language.js';
import { Needs } from './needs.js';

/** Media transports a call can use; the server picks one when the call starts. */
export const Transport = z.enum(['p2p', 'livekit']);
/** A media transport. */
export type Transport = z.infer<typeof Transport>;

/** One STUN or TURN server, in the shape RTCPeerConnection takes. */
export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
/** One STUN or TURN server. */
export type IceServer = z.infer<typeof IceServer>;

/** Why a call ended. */
export const CallEndReason = z.enum([
  'ended_by_agent',
  'ended_by_visitor',
  'connection_lost',
  /** The agent moved the visitor to another service or officer; the visitor waits at the front. */
  'transferred',
]);
/** Why a call ended. */
export type CallEndReason = z.infer<typeof CallEndReason>;

/** Everything one party needs to join a call. */
export const CallStart = z.object({
  callId: Id,
  ticketId: Id,
  ticketNumber: z.string(),
  transport: Transport,
  iceServers: z.array(IceServer),
  /** Perfect negotiation: the polite side yields when both offer at once. */
  polite: z.boolean(),
  /** Name to show for the other party. */
  peerName: z.string(),
  /** Where and with which token to join, when the call uses LiveKit. */
  livekit: z.object({ url: z.string(), token: z.string() }).optional(),
  /**
   * The visitor's needs ask for signing video (absent means no): it keeps its frame rate and asks
   * for 720p at 25 fps.
   */
  signLanguage: z.boolean().optional(),
  /** Told to the officer only: who they serve (their language and declared needs). */
  visitor: z.object({ language: Language, needs: Needs }).optional(),
});
/** Everything one party needs to join a call. */
export type CallStart = z.infer<typeof CallStart>;

/**
 * The LiveKit room of the call an offer may start, told to the officer and the kiosk while the
 * offer rings, so both can join it before the call and only publish once it starts. Nobody
 * publishes before the accept; an offer that ends unanswered has its room deleted.
 */
export const PreparedRoom = z.object({
  ticketId: Id,
  callId: Id,
  livekit: z.object({ url: z.string(), token: z.string() }),
  signLanguage: z.boolean(),
});
/** The LiveKit room of the call an offer may start. */
export type PreparedRoom = z.infer<typeof PreparedRoom>;

/**
 * The peer-to-peer connection of the call an offer may start, told to the kiosk while the offer
 * rings so that both parties connect before the call: the call whose signals to answer and the
 * kiosk's own ICE servers. Nothing in it names or shows the officer, and nothing is sent on the
 * connection before the accept.
 */
export const PreparedPeer = z
  .object({
    ticketId: Id,
    callId: Id,
    iceServers: z.array(IceServer),
    signLanguage: z.boolean(),
  })
  .strict();
/** The peer-to-peer connection of the call an offer may start. */
export type PreparedPeer = z.infer<typeof PreparedPeer>;

/** Told to both parties when a call is over. */
export const CallEnded = z.object({ callId: Id, reason: CallEndReason });
/** Told to both parties when a call is over. */
export type CallEnded = z.infer<typeof CallEnded>;
