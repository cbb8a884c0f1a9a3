import type * as Media from '@loket/shared/media';
import { IDLE_CALL, setupCall, type CallController } from '@loket/shared/media';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { callStart } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { currentCall, followStoreCall } from './call-media';
import { stopTracks, takeLocalMedia } from './local-media';
import { keepForCall } from './prepared-call';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('./agent-socket', () => ({ agentSocket: () => socket.current }));
vi.mock('@loket/shared/media', async (importOriginal) => ({
  ...(await importOriginal<typeof Media>()),
  setupCall: vi.fn(),
}));

/** A call that records what the store's changes ask of it. */
function fakeCall(callId: string): CallController {
  const snapshot = { ...IDLE_CALL, callId };
  return {
    subscribe: () => () => undefined,
    getSnapshot: () => snapshot,
    setMuted: vi.fn(),
    switchDevice: vi.fn(async () => undefined),
    startScreenShare: vi.fn(async () => undefined),
    stopScreenShare: vi.fn(),
    leave: vi.fn(),
  };
}

const lastSetup = () => vi.mocked(setupCall).mock.calls.at(-1)![0];

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
  vi.mocked(setupCall)
    .mockReset()
    .mockImplementation(({ call }) => fakeCall(call.callId));
  followStoreCall();
});

describe('the call’s media follows the store', () => {
  test('a call in the store is set up with camera, microphone and what was prepared for it', () => {
    const prepared = { leave: vi.fn() } as unknown as Media.P2PCallSession;
    keepForCall('c-1', { ticketId: 't-1', peer: { callId: 'c-1', session: prepared }, room: null });
    consoleStore.getState().callStarted(callStart());
    expect(setupCall).toHaveBeenCalledOnce();
    expect(lastSetup()).toMatchObject({
      call: { callId: 'c-1' },
      prepared,
      local: takeLocalMedia,
      // The console opens camera and microphone per call: leaving turns them off.
      releaseLocal: stopTracks,
    });
    expect(currentCall.getSnapshot().callId).toBe('c-1');
  });

  test('a call gone from the store is left, and its signalling given up', () => {
    consoleStore.getState().callStarted(callStart());
    const call = currentCall.controller!;
    expect(socket.current!.listeners.get('call:signal')?.size).toBe(1);
    consoleStore.getState().callEnded({ callId: 'c-1', reason: 'ended_by_visitor' });
    expect(call.leave).toHaveBeenCalled();
    expect(socket.current!.listeners.get('call:signal')?.size).toBe(0);
    expect(currentCall.getSnapshot()).toBe(IDLE_CALL);
  });

  test('microphone and camera toggles reach the call, from its start on', () => {
    consoleStore.getState().callStarted(callStart());
    const call = currentCall.controller!;
    expect(call.setMuted).toHaveBeenCalledWith('audio', false);
    consoleStore.getState().micToggled();
    consoleStore.getState().cameraToggled();
    expect(call.setMuted).toHaveBeenLastCalledWith('video', true);
    expect(call.setMuted).toHaveBeenCalledWith('audio', true);
  });

  test('a call without camera and microphone is ended, saying why', async () => {
    answerWith(socket.current!, { 'call:end': { ok: true, data: null } });
    consoleStore.getState().callStarted(callStart());
    lastSetup().onLocalFailed!(new Error('NotAllowedError'));
    await vi.waitFor(() => expect(consoleStore.getState().error).toBe('MEDIA_FAILED'));
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('call:end', { callId: 'c-1' });
    expect(consoleStore.getState().call).toBeNull();
  });
});
