/**
 * The visitor's side of a call, without React. Loaded only with the call screen, so WebRTC code
 * stays out of the first screen's bundle.
 */
import type { CallStart, PreparedRoom } from '@loket/shared';
import {
  createCallSession,
  LiveKitCallSession,
  UNKNOWN_QUALITY,
  type CallConnectionState,
  type CallQualityReport,
  type SignalChannel,
} from '@loket/shared/media';
import { endActiveCall, setActiveCall, setPreparedRoom } from './active-call';
import { openCamera } from './camera';
import { subscribeSignals } from './signal-relay';
import { command } from './socket';

/** What the call screen shows of the call. */
export interface CallSnapshot {
  callId: string | null;
  state: CallConnectionState;
  local: MediaStream | null;
  remote: MediaStream | null;
  /** The officer's shared screen, while they share one. */
  screen: MediaStream | null;
  quality: CallQualityReport;
  cameraFailed: boolean;
  muted: boolean;
}

const IDLE: CallSnapshot = {
  callId: null,
  state: 'connecting',
  local: null,
  remote: null,
  screen: null,
  quality: UNKNOWN_QUALITY,
  cameraFailed: false,
  muted: false,
};

let snapshot = IDLE;
let setMutedOnSession: ((muted: boolean) => void) | null = null;
const listeners = new Set<() => void>();

function update(change: Partial<CallSnapshot>): void {
  snapshot = { ...snapshot, ...change };
  for (const listener of listeners) listener();
}

/** Signals travel over the kiosk's socket, relayed by the server to the officer. */
function signalsFor(callId: string): SignalChannel {
  return {
    send: (signal) => void command('call:signal', { callId, signal }),
    subscribe: (listener) => subscribeSignals(callId, listener),
  };
}

let prepared: { callId: string; session: LiveKitCallSession } | null = null;

function leavePrepared(): void {
  prepared?.session.leave();
  prepared = null;
  setPreparedRoom(null);
}

/**
 * Joins the LiveKit room of the call an officer is being offered this visitor for, publishing
 * nothing: when the officer accepts, only the publishing is left to do. A room of an earlier offer
 * is left. A room that cannot be joined now is joined again when the call starts.
 */
export function prepareRoom(room: PreparedRoom): void {
  leavePrepared();
  const session = new LiveKitCallSession({ ...room.livekit, signLanguage: room.signLanguage });
  prepared = { callId: room.callId, session };
  setPreparedRoom(leavePrepared);
  session.connect().catch(() => undefined);
}

/** The room joined for `callId` while its offer rang, if it is still open; any other is left. */
function takePrepared(callId: string): LiveKitCallSession | undefined {
  const session = prepared?.callId === callId ? prepared.session : undefined;
  if (session && session.state !== 'ended') {
    prepared = null;
    setPreparedRoom(null);
    return session;
  }
  leavePrepared();
  return undefined;
}

/**
 * Joins a call with the visitor's camera (reusing the waiting screen's). Joining the call that is
 * already running does nothing, so a remounting screen cannot start a second connection. Without
 * a camera the visitor still sees and hears the officer. The store ends the call.
 */
export function joinCall(call: CallStart): void {
  if (snapshot.callId === call.callId) return;
  endActiveCall();
  const session = createCallSession({
    call,
    signals: signalsFor(call.callId),
    preparedRoom: takePrepared(call.callId),
  });
  const current = () => snapshot.callId === call.callId;
  update({ ...IDLE, callId: call.callId, state: session.state, quality: session.quality });
  session.on('state', (state) => current() && update({ state }));
  // A new stream object per track, so the video element picks up every track that arrives.
  session.on('remoteStream', (remote) => {
    if (current()) update({ remote: new MediaStream(remote.getTracks()) });
  });
  session.on('remoteScreen', (screen) => current() && update({ screen }));
  session.on('quality', (quality) => current() && update({ quality }));
  setMutedOnSession = (muted) => session.setMuted('audio', muted);
  setActiveCall(() => {
    session.leave();
    setMutedOnSession = null;
    update(IDLE);
  });
  openCamera().then(
    (local) => {
      if (!current()) return;
      update({ local });
      void session.join(local).then(() => session.setMuted('audio', snapshot.muted));
    },
    () => {
      if (!current()) return;
      update({ cameraFailed: true });
      void session.join(new MediaStream());
    },
  );
}

/** Turns the visitor's microphone off or on without renegotiating. */
export function setCallMuted(muted: boolean): void {
  if (!setMutedOnSession) return;
  setMutedOnSession(muted);
  update({ muted });
}

/** For useSyncExternalStore. */
export function subscribeCall(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For useSyncExternalStore. */
export function getCallSnapshot(): CallSnapshot {
  return snapshot;
}
