import type { CallStart } from '@loket/shared';
import { CallSlot, setupCall, type CallController, type MediaKind } from '@loket/shared/media';
import { consoleStore, type ConsoleState } from '../store';
import { errorShown } from '../store/actions';
import { endCall } from './agent-actions';
import { stopTracks, takeLocalMedia } from './local-media';
import { takeForCall } from './prepared-call';
import { socketSignalChannel, type CallSignalChannel } from './socket-signal-channel';

/** The agent's call, for the call view to follow with `useSyncExternalStore`; never in the store. */
export const currentCall = new CallSlot();

/** The running call's signalling, given up with the call even if its session never took it. */
let signals: CallSignalChannel | null = null;

function applyToggles(call: CallController, { micMuted, cameraOff }: ConsoleState): void {
  call.setMuted('audio', micMuted);
  call.setMuted('video', cameraOff);
}

function start(call: CallStart): void {
  const prepared = takeForCall(call.callId);
  // A session connected ahead listens on the channel it was made with.
  signals = prepared.prepared ? null : socketSignalChannel(call.callId);
  const controller = setupCall({
    call,
    signals: signals ?? { send: () => undefined, subscribe: () => () => undefined },
    ...prepared,
    local: takeLocalMedia,
    releaseLocal: stopTracks,
    // Without camera and microphone the visitor would wait on a silent call: end it, say why.
    onLocalFailed: () => void endCall(call.callId).then(() => errorShown('MEDIA_FAILED')),
  });
  applyToggles(controller, consoleStore.getState());
  currentCall.hold(controller);
}

/**
 * Shares the agent's screen with the visitor, or stops sharing. Choosing no screen in the
 * browser's dialog is a change of mind, not a failure.
 */
export async function toggleScreenShare(): Promise<void> {
  const call = currentCall.controller;
  if (!call) return;
  if (call.getSnapshot().localScreen) return call.stopScreenShare();
  try {
    await call.startScreenShare();
  } catch (error) {
    const refused = error instanceof DOMException && error.name === 'NotAllowedError';
    // A call that ended meanwhile needs no word about its screen share.
    if (!refused && currentCall.controller === call) errorShown('SCREEN_SHARE_FAILED');
  }
}

/** Sends another camera or microphone during the call; the own preview follows. */
export async function switchDevice(kind: MediaKind, deviceId: string): Promise<void> {
  const call = currentCall.controller;
  if (!call) return;
  try {
    await call.switchDevice(kind, deviceId);
  } catch {
    // A call that ended meanwhile needs no word about its devices.
    if (currentCall.controller === call) errorShown('DEVICE_SWITCH_FAILED');
  }
}

function stop(): void {
  currentCall.leave();
  signals?.close();
  signals = null;
}

function sync(state: ConsoleState, previous?: ConsoleState): void {
  const call = currentCall.controller;
  if ((state.call?.callId ?? null) !== currentCall.getSnapshot().callId) {
    stop();
    if (state.call) start(state.call);
  } else if (
    call &&
    (state.micMuted !== previous?.micMuted || state.cameraOff !== previous?.cameraOff)
  ) {
    applyToggles(call, state);
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
