import type { OfferView, PreparedRoom } from '@loket/shared';
import { LiveKitCallSession, P2PCallSession } from '@loket/shared/media';
import { discardLocalMedia, openingLocalMedia } from './local-media';
import { socketSignalChannel } from './socket-signal-channel';

/** A peer-to-peer session connected to the kiosk ahead of the call it may become. */
interface Peer {
  callId: string;
  session: P2PCallSession;
}

/** What is being made ready for the offer that rings. */
interface Ringing {
  ticketId: string;
  /** Peer-to-peer: the connection to the kiosk, made while it rings, with nothing sent on it. */
  peer: Peer | null;
  /** LiveKit: the call's room, joined without publishing. */
  room: { callId: string; session: LiveKitCallSession } | null;
}

/** What the accept took over, for the call it started. */
interface Accepted {
  callId: string;
  peer: P2PCallSession | null;
  room: LiveKitCallSession | null;
}

let ringing: Ringing | null = null;
let accepted: Accepted | null = null;

function giveUp(what: Ringing | null): void {
  what?.peer?.session.leave();
  what?.room?.session.leave();
}

/**
 * The connection to the kiosk of a peer-to-peer offer: ICE and DTLS while the offer rings, and
 * the camera encoding on it with every frame held back in this browser, so the accept only has
 * to let the camera through and put the microphone on. Null if the browser cannot make one: the
 * call then connects the usual way.
 */
function connectPeer(p2p: NonNullable<OfferView['p2p']>): Peer | null {
  try {
    const session = new P2PCallSession({
      iceServers: p2p.iceServers,
      polite: false,
      signals: socketSignalChannel(p2p.callId),
      signLanguage: p2p.signLanguage,
    });
    session.connectAhead();
    openingLocalMedia().then(
      (local) => session.holdCamera(local),
      () => undefined,
    );
    return { callId: p2p.callId, session };
  } catch {
    return null;
  }
}

/**
 * While an offer rings: opens camera and microphone and, for a peer-to-peer call, connects to the
 * kiosk. All of it is off the path from Accept to video.
 */
export function prepareCall(offer: OfferView): void {
  void openingLocalMedia();
  if (ringing?.ticketId === offer.ticketId) return;
  giveUp(ringing);
  ringing = {
    ticketId: offer.ticketId,
    peer: offer.p2p ? connectPeer(offer.p2p) : null,
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
 * Takes what was prepared for the offer of `ticketId`: the peer-to-peer connection and the room,
 * each null if there is none. What was prepared for another offer is given up.
 */
export function takePrepared(ticketId: string): Ringing | null {
  const taken = ringing;
  ringing = null;
  if (taken?.ticketId === ticketId) return taken;
  giveUp(taken);
  return null;
}

/**
 * Puts camera and microphone on the connection made while the offer rang as soon as the accept
 * is answered, before the call view renders, so the visitor's first picture does not wait for
 * the officer's screen. The officer's muted microphone or camera stays off.
 */
export async function sendAhead(
  ready: Ringing | null,
  callId: string,
  muted: { audio: boolean; video: boolean },
): Promise<void> {
  const session = ready?.peer?.callId === callId ? ready.peer.session : null;
  if (!session) return;
  // A camera that failed to open is the call's to report, as it sets up.
  const local = await openingLocalMedia().catch(() => null);
  if (!local || session.state === 'ended') return;
  session.setMuted('audio', muted.audio);
  session.setMuted('video', muted.video);
  void session.join(local);
}

/** Keeps what the accept took over for the call it started. */
export function keepForCall(callId: string, ready: Ringing | null): void {
  dropAccepted();
  const fits = <T extends { callId: string }>(what: T | null | undefined) =>
    what?.callId === callId ? what : null;
  accepted = {
    callId,
    peer: fits(ready?.peer)?.session ?? null,
    room: fits(ready?.room)?.session ?? null,
  };
  if (!accepted.peer) ready?.peer?.session.leave();
  if (!accepted.room) ready?.room?.session.leave();
}

function dropAccepted(): void {
  accepted?.peer?.leave();
  accepted?.room?.leave();
  accepted = null;
}

/**
 * What was prepared for the call starting now: the peer-to-peer connection made while the offer
 * rang, or the LiveKit room joined meanwhile; what does not fit the call's transport is given up
 * when the call is set up. What was kept for another call is given up now.
 */
export function takeForCall(callId: string): {
  prepared?: P2PCallSession;
  preparedRoom?: LiveKitCallSession;
} {
  const kept = accepted;
  if (kept?.callId !== callId) {
    dropAccepted();
    return {};
  }
  accepted = null;
  return {
    ...(kept.peer && { prepared: kept.peer }),
    ...(kept.room && { preparedRoom: kept.room }),
  };
}

/** Gives up what was prepared for an offer that was declined, withdrawn or lost. */
export function abandonPreparedCall(): void {
  giveUp(ringing);
  ringing = null;
  discardLocalMedia();
}
