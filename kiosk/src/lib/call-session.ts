/**
 * The visitor's side of a call, without React. Loaded only with the call screen, so WebRTC code
 * stays out of the first screen's bundle.
 */
import type { CallStart, PreparedPeer, PreparedRoom } from '@loket/shared';
import {
  CallSlot,
  LiveKitCallSession,
  P2PCallSession,
  setupCall,
  type SignalChannel,
} from '@loket/shared/media';
import { setActiveCall, setPreparedRoom } from './active-call';
import { openCamera } from './camera';
import { subscribeSignals } from './signal-relay';
import { command } from './commands';

/** The visitor's call, for the call screen to follow with `useSyncExternalStore`. */
export const currentCall = new CallSlot();

/** Signals travel over the kiosk's socket, relayed by the server to the officer. */
function signalsFor(callId: string): SignalChannel {
  return {
    send: (signal) => void command('call:signal', { callId, signal }),
    subscribe: (listener) => subscribeSignals(callId, listener),
  };
}

let prepared: { callId: string; session: LiveKitCallSession | P2PCallSession } | null = null;

function leavePrepared(): void {
  prepared?.session.leave();
  prepared = null;
  setPreparedRoom(null);
}

/**
 * Makes the media of the call an officer is being offered this visitor for ready, sending
 * nothing: the LiveKit room joined, or the peer-to-peer connection to the officer's console
 * made, so that when the officer accepts only camera and microphone are left to send. What was
 * made for an earlier offer is left. A room that cannot be joined now is joined again when the
 * call starts; a connection that is not made by then carries on as the call's.
 */
export function prepareMedia(ready: PreparedRoom | PreparedPeer): void {
  leavePrepared();
  const { callId, signLanguage } = ready;
  if ('livekit' in ready) {
    const session = new LiveKitCallSession({ ...ready.livekit, signLanguage });
    session.connect().catch(() => undefined);
    prepared = { callId, session };
  } else {
    const { iceServers } = ready;
    const signals = signalsFor(callId);
    const session = new P2PCallSession({ iceServers, signLanguage, polite: true, signals });
    session.connectAhead();
    prepared = { callId, session };
  }
  setPreparedRoom(leavePrepared);
}

/** What was made ready for `callId` while its offer rang, if anything; any other is left. */
function takePrepared(
  callId: string,
): { preparedRoom: LiveKitCallSession } | { prepared: P2PCallSession } | undefined {
  if (prepared?.callId !== callId) {
    leavePrepared();
    return undefined;
  }
  const { session } = prepared;
  prepared = null;
  setPreparedRoom(null);
  return session instanceof P2PCallSession ? { prepared: session } : { preparedRoom: session };
}

/** The LiveKit identity a join token names (its `sub` claim); null without LiveKit. */
export function identityOfToken(token: string | undefined): string | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const { sub } = JSON.parse(json) as { sub?: unknown };
    return typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}

/** The identity the running call joined its media as. */
let joinedAs: string | null = null;

/**
 * Joins a call with the visitor's camera (reusing the waiting screen's). Joining the call that is
 * already running does nothing, so a remounting screen cannot start a second connection, unless
 * the server now names the kiosk differently in the call's media: it does so after another
 * connection took the kiosk over, and puts the earlier identity out, so the call is joined again
 * as the new one. Without a camera the visitor still sees and hears the officer. The store ends
 * the call.
 */
export function joinCall(call: CallStart): void {
  const identity = identityOfToken(call.livekit?.token);
  if (currentCall.getSnapshot().callId === call.callId && identity === joinedAs) return;
  joinedAs = identity;
  currentCall.hold(
    setupCall({
      call,
      signals: signalsFor(call.callId),
      ...takePrepared(call.callId),
      local: openCamera,
    }),
  );
  setActiveCall(() => currentCall.leave());
}

/** Turns the visitor's microphone off or on without renegotiating. */
export function setCallMuted(muted: boolean): void {
  currentCall.controller?.setMuted('audio', muted);
}
