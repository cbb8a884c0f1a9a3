import type { OfferView, PreparedRoom } from '@loket/shared';
import { LiveKitCallSession, PreparedP2POffer } from '@loket/shared/media';
import { discardLocalMedia, openingLocalMedia } from './local-media';

/** What is being made ready for the offer that rings. */
interface Ringing {
  ticketId: string;
  /** Peer-to-peer: the connection and its offer, which go with the accept. */
  offer: Promise<PreparedP2POffer | null> | null;
  /** LiveKit: the call's room, joined without publishing. */
  room: { callId: string; session: LiveKitCallSession } | null;
}

/** What the accept took over, for the call it started. */
interface Accepted {
  callId: string;
  offer: PreparedP2POffer | null;
  room: LiveKitCallSession | null;
}

let ringing: Ringing | null = null;
let accepted: Accepted | null = null;

function closeOffer(offer: Promise<PreparedP2POffer | null> | null | undefined): void {
  void offer?.then((prepared) => prepared?.close());
}

function giveUp(what: Ringing | null): void {
  closeOffer(what?.offer);
  what?.room?.session.leave();
}

/**
 * While an offer rings: opens camera and microphone and, for a peer-to-peer call, sets up the
 * connection and its offer, which go with the accept. All of it is off the path from Accept to
 * video. A connection that cannot be prepared is no error: the call then connects the usual way.
 */
export function prepareCall(offer: OfferView): void {
  const local = openingLocalMedia();
  if (ringing?.ticketId === offer.ticketId) return;
  giveUp(ringing);
  const p2p = offer.p2p;
  ringing = {
    ticketId: offer.ticketId,
    offer: p2p
      ? local.then((stream) => PreparedP2POffer.prepare(p2p.iceServers, stream)).catch(() => null)
      : null,
    room: null,
  };
}

/** Joins the LiveKit room of the ringing offer's call; nothing is sent until the accept. */
export function prepareRoom(room: PreparedRoom): void {
  if (ringing?.ticketId !== room.ticketId) return;
  ringing.room?.session.leave();
  const session = new LiveKitCallSession({ ...room.livekit, signLanguage: room.signLanguage });
  ringing.room = { callId: room.callId, session };
  // Camera and microphone go in muted, so the accept only has to unmute them. A room that
  // cannot be joined now is joined again when the call starts.
  openingLocalMedia().then(
    (local) => session.prepublish(local),
    () => undefined,
  );
}

/**
 * Takes what was prepared for the offer of `ticketId`: the peer-to-peer offer once it is ready
 * (null if there is none), and the room. What was prepared for another offer is given up.
 */
export async function takePrepared(ticketId: string): Promise<Ringing | null> {
  const taken = ringing;
  ringing = null;
  if (taken?.ticketId === ticketId) return taken;
  giveUp(taken);
  return null;
}

/** Keeps what the accept took over for the call it started. */
export function keepForCall(
  callId: string,
  offer: PreparedP2POffer | null,
  room: Ringing['room'],
): void {
  dropAccepted();
  accepted = { callId, offer, room: room?.callId === callId ? room.session : null };
  if (room && room.callId !== callId) room.session.leave();
}

function dropAccepted(): void {
  accepted?.offer?.close();
  accepted?.room?.leave();
  accepted = null;
}

/**
 * What was prepared for the call starting now: the peer-to-peer connection whose offer went with
 * the accept, and the LiveKit room joined while the offer rang; what does not fit the call's
 * transport is given up when the call is set up. What was kept for another call is given up now.
 */
export function takeForCall(callId: string): {
  prepared?: PreparedP2POffer;
  preparedRoom?: LiveKitCallSession;
} {
  const kept = accepted;
  if (kept?.callId !== callId) {
    dropAccepted();
    return {};
  }
  accepted = null;
  return {
    ...(kept.offer && { prepared: kept.offer }),
    ...(kept.room && { preparedRoom: kept.room }),
  };
}

/** Gives up what was prepared for an offer that was declined, withdrawn or lost. */
export function abandonPreparedCall(): void {
  giveUp(ringing);
  ringing = null;
  discardLocalMedia();
}
