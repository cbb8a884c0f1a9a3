import type { CallStart } from '@loket/shared';
import { createCallSession, type CallSession, type MediaKind } from '@loket/shared/media';
import { consoleStore, type ConsoleState } from '../store';
import { callStateChanged, errorShown } from '../store/actions';
import { endCall } from './agent-actions';
import { stopTracks, takeLocalMedia } from './local-media';
import { takeForCall } from './prepared-call';
import { socketSignalChannel } from './socket-signal-channel';

/** The streams a call view shows; kept here, never in the store. */
export interface CallMedia {
  local: MediaStream | null;
  remote: MediaStream | null;
}

interface ActiveCall {
  callId: string;
  session: CallSession | null;
  local: MediaStream | null;
}

const NO_MEDIA: CallMedia = { local: null, remote: null };
let media: CallMedia = NO_MEDIA;
let active: ActiveCall | null = null;
const listeners = new Set<() => void>();

function publish(next: CallMedia): void {
  media = next;
  for (const listener of listeners) listener();
}

/** Subscribes to changes of the call's streams (for useSyncExternalStore). */
export function subscribeCallMedia(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The call's current streams. */
export function getCallMedia(): CallMedia {
  return media;
}

function applyToggles(session: CallSession, { micMuted, cameraOff }: ConsoleState): void {
  session.setMuted('audio', micMuted);
  session.setMuted('video', cameraOff);
}

async function start(call: CallStart): Promise<void> {
  const entry: ActiveCall = { callId: call.callId, session: null, local: null };
  active = entry;
  const signals = socketSignalChannel(call.callId);
  const ready = takeForCall(call);
  let local: MediaStream;
  try {
    local = await takeLocalMedia();
  } catch {
    ready.prepared?.close();
    ready.preparedRoom?.leave();
    signals.close();
    // Without camera and microphone the visitor would wait on a silent call: end it, say why.
    if (active === entry) {
      await endCall(call.callId);
      errorShown('MEDIA_FAILED');
    }
    return;
  }
  if (active !== entry) {
    ready.prepared?.close();
    ready.preparedRoom?.leave();
    signals.close();
    return stopTracks(local);
  }
  // A connection prepared with other tracks than the ones now at hand is not this call's.
  if (ready.prepared && ready.prepared.local !== local) {
    ready.prepared.close();
    delete ready.prepared;
  }
  const session = createCallSession({ call, signals, ...ready });
  Object.assign(entry, { local, session });
  session.on('remoteStream', (remote) => publish({ local, remote }));
  session.on('state', callStateChanged);
  const store = consoleStore.getState();
  session.on('quality', store.callQualityChanged);
  session.on('localScreen', (screen) => store.screenShareChanged(screen !== null));
  applyToggles(session, consoleStore.getState());
  publish({ local, remote: null });
  await session.join(local);
}

/**
 * Shares the agent's screen with the visitor, or stops sharing. Choosing no screen in the
 * browser's dialog is a change of mind, not a failure.
 */
export async function toggleScreenShare(): Promise<void> {
  const session = active?.session;
  if (!session) return;
  if (consoleStore.getState().sharingScreen) return session.stopScreenShare();
  try {
    await session.startScreenShare();
  } catch (error) {
    const refused = error instanceof DOMException && error.name === 'NotAllowedError';
    // A call that ended meanwhile needs no word about its screen share.
    if (!refused && active?.session === session) errorShown('SCREEN_SHARE_FAILED');
  }
}

/** Sends another camera or microphone during the call; the own preview follows. */
export async function switchDevice(kind: MediaKind, deviceId: string): Promise<void> {
  const session = active?.session;
  if (!session) return;
  try {
    await session.switchDevice(kind, deviceId);
  } catch {
    // A call that ended meanwhile needs no word about its devices.
    if (active?.session === session) errorShown('DEVICE_SWITCH_FAILED');
    return;
  }
  // Same stream, another track: a new snapshot so the preview and the pickers re-read it.
  publish({ ...media });
}

function stop(): void {
  const ending = active;
  if (!ending) return;
  // Cleared first: leaving emits a last state change, which comes back here through the store.
  active = null;
  ending.session?.leave();
  if (ending.local) stopTracks(ending.local);
  publish(NO_MEDIA);
}

function sync(state: ConsoleState, previous?: ConsoleState): void {
  if (state.call?.callId !== active?.callId) {
    stop();
    if (state.call)
      start(state.call).catch((error: unknown) => console.error('Call failed', error));
  } else if (
    active?.session &&
    (state.micMuted !== previous?.micMuted || state.cameraOff !== previous?.cameraOff)
  ) {
    applyToggles(active.session, state);
  }
}

let following = false;

/**
 * Makes the call's media follow the store: a call in the store gets camera, microphone and a
 * session; a call gone from it is left and its tracks stopped. Safe to call more than once.
 */
export function followStoreCall(): void {
  if (following) return;
  following = true;
  sync(consoleStore.getState());
  consoleStore.subscribe(sync);
}
