import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CallStart } from '../domain/call.js';
import type { CallSession, CallSessionEvents } from './call-session.js';
import { createCallSession } from './create-call-session.js';
import { Emitter } from './emitter.js';
import type { LiveKitCallSession } from './livekit-call-session.js';
import type { P2PCallSession } from './p2p-call-session.js';
import { setupCall, type SetupCallOptions } from './setup-call.js';

vi.mock('./create-call-session.js', () => ({ createCallSession: vi.fn() }));

/** Just enough of a MediaStream, as Node has none. */
class FakeStream {
  readonly tracks: unknown[];
  constructor(tracks: unknown[] = []) {
    this.tracks = [...tracks];
  }
  getTracks = () => this.tracks;
}

/** A session that records what the call asks of it and lets the test play its events. */
function fakeSession(state: CallSession['state'] = 'connecting') {
  const events = new Emitter<CallSessionEvents>();
  return {
    state,
    quality: { local: 'unknown', remote: 'unknown' } as const,
    join: vi.fn(async (_local: MediaStream) => undefined),
    setMuted: vi.fn(),
    switchDevice: vi.fn(async () => ({}) as MediaStreamTrack),
    startScreenShare: vi.fn(async () => undefined),
    stopScreenShare: vi.fn(),
    leave: vi.fn(() => {
      events.emit('state', 'ended');
      events.clear();
    }),
    on: events.on.bind(events),
    emit: events.emit.bind(events),
  };
}
type FakeSession = ReturnType<typeof fakeSession>;

const CALL: CallStart = {
  callId: '00000000-0000-4000-8000-000000000001',
  ticketId: '00000000-0000-4000-8000-000000000002',
  ticketNumber: 'A-001',
  transport: 'p2p',
  iceServers: [],
  polite: true,
  peerName: 'Sari',
};
const LIVEKIT: CallStart = { ...CALL, transport: 'livekit' };
const signals = { send: () => undefined, subscribe: () => () => undefined };
const opened = () => new Promise((resolve) => setTimeout(resolve, 0));
const asStream = (stream: FakeStream) => stream as unknown as MediaStream;

let session: FakeSession;
let camera: MediaStream;

beforeEach(() => {
  vi.stubGlobal('MediaStream', FakeStream);
  camera = asStream(new FakeStream(['camera', 'microphone']));
  session = fakeSession();
  vi.mocked(createCallSession)
    .mockReset()
    .mockImplementation(() => session as unknown as CallSession);
});
afterEach(() => vi.unstubAllGlobals());

function setup(change: Partial<SetupCallOptions> = {}) {
  return setupCall({ call: CALL, signals, local: camera, ...change });
}

/** A peer-to-peer session connected while the offer rang, recording whether it was left. */
function preparedPeer() {
  return { leave: vi.fn() } as unknown as P2PCallSession & { leave: () => void };
}

/** A LiveKit room joined while the offer rang. */
function preparedRoom(state: CallSession['state'] = 'connected') {
  return { state, leave: vi.fn() } as unknown as LiveKitCallSession & { leave: () => void };
}

describe('setupCall', () => {
  test('starts the session at once and joins it with the local stream once open', async () => {
    let open = (_local: MediaStream) => {};
    const call = setup({ local: () => new Promise((resolve) => (open = resolve)) });
    expect(createCallSession).toHaveBeenCalledWith({ call: CALL, signals });
    expect(call.getSnapshot()).toMatchObject({ callId: CALL.callId, local: null });

    open(camera);
    await opened();
    expect(session.join).toHaveBeenCalledWith(camera);
    expect(call.getSnapshot().local).toBe(camera);
  });

  test('shows the session’s state, quality and screens in the snapshot', () => {
    const call = setup();
    const screen = asStream(new FakeStream(['screen']));
    session.emit('state', 'connected');
    session.emit('quality', { local: 'good', remote: 'fair' });
    session.emit('remoteScreen', screen);
    session.emit('localScreen', screen);
    expect(call.getSnapshot()).toMatchObject({
      state: 'connected',
      quality: { local: 'good', remote: 'fair' },
      screen,
      localScreen: screen,
    });
  });

  test('hands the other party’s stream out as a new object each time its tracks change', () => {
    const call = setup();
    const remote = new FakeStream(['camera']);
    session.emit('remoteStream', asStream(remote));
    const first = call.getSnapshot().remote;
    remote.tracks.push('microphone');
    session.emit('remoteStream', asStream(remote));
    const second = call.getSnapshot().remote;
    expect(first).not.toBe(remote);
    expect(second).not.toBe(first);
    expect(second?.getTracks()).toEqual(['camera', 'microphone']);

    remote.tracks.length = 0;
    session.emit('remoteStream', asStream(remote));
    expect(call.getSnapshot().remote).toBeNull();
  });

  test('makes a new snapshot only when something changed, and tells its listeners then', () => {
    const call = setup();
    const listener = vi.fn();
    call.subscribe(listener);
    const before = call.getSnapshot();
    session.emit('state', 'connecting');
    call.setMuted('audio', false);
    expect(call.getSnapshot()).toBe(before);
    expect(listener).not.toHaveBeenCalled();

    call.setMuted('audio', true);
    expect(call.getSnapshot()).not.toBe(before);
    expect(call.getSnapshot().muted).toEqual({ audio: true, video: false });
    expect(before.muted).toEqual({ audio: false, video: false });
    expect(listener).toHaveBeenCalledOnce();
  });

  test('takes the state of a session that connected before the call began', () => {
    session = fakeSession('connected');
    expect(setup().getSnapshot().state).toBe('connected');
  });

  test('passes mute, device and screen share on to the session', async () => {
    const call = setup();
    await opened();
    const listener = vi.fn();
    call.subscribe(listener);
    call.setMuted('video', true);
    expect(session.setMuted).toHaveBeenLastCalledWith('video', true);
    await call.switchDevice('video', 'cam-2');
    expect(session.switchDevice).toHaveBeenCalledWith('video', 'cam-2');
    // Same stream, another track: a new snapshot for whatever shows the devices in use.
    expect(listener).toHaveBeenCalledTimes(2);
    await call.startScreenShare();
    call.stopScreenShare();
    expect(session.startScreenShare).toHaveBeenCalled();
    expect(session.stopScreenShare).toHaveBeenCalled();
  });

  test('a failed device switch rejects and leaves the snapshot as it was', async () => {
    const call = setup();
    await opened();
    session.switchDevice.mockRejectedValueOnce(new Error('busy'));
    const before = call.getSnapshot();
    await expect(call.switchDevice('video', 'cam-2')).rejects.toThrow('busy');
    expect(call.getSnapshot()).toBe(before);
  });

  test('without camera and microphone, joins receive-only and says the camera failed', async () => {
    const call = setup({ local: () => Promise.reject(new Error('NotAllowedError')) });
    await opened();
    expect(session.join).toHaveBeenCalledWith(expect.any(FakeStream));
    expect(session.join.mock.calls[0]![0].getTracks()).toEqual([]);
    expect(call.getSnapshot()).toMatchObject({ cameraFailed: true, local: null });
  });

  test('or, when asked to, leaves the call and says why', async () => {
    const failure = new Error('NotAllowedError');
    const onLocalFailed = vi.fn();
    const call = setup({ local: () => Promise.reject(failure), onLocalFailed });
    await opened();
    expect(session.join).not.toHaveBeenCalled();
    expect(session.leave).toHaveBeenCalled();
    expect(onLocalFailed).toHaveBeenCalledWith(failure);
    expect(call.getSnapshot()).toMatchObject({ cameraFailed: true, state: 'ended' });
  });
});

describe('what was prepared while the offer rang', () => {
  test('a connection made ahead goes on as the peer-to-peer call’s session, at once', () => {
    const prepared = preparedPeer();
    setup({ prepared, local: () => new Promise(() => undefined) });
    expect(createCallSession).toHaveBeenCalledWith({ call: CALL, signals, prepared });
    expect(prepared.leave).not.toHaveBeenCalled();
  });

  test('a connection made ahead is left, not used, for a LiveKit call', () => {
    const prepared = preparedPeer();
    setup({ call: LIVEKIT, prepared });
    expect(prepared.leave).toHaveBeenCalled();
    expect(vi.mocked(createCallSession).mock.calls[0]![0].prepared).toBeUndefined();
  });

  test('a joined room goes on as the LiveKit call’s session', () => {
    const room = preparedRoom();
    setup({ call: LIVEKIT, preparedRoom: room });
    expect(createCallSession).toHaveBeenCalledWith({ call: LIVEKIT, signals, preparedRoom: room });
    expect(room.leave).not.toHaveBeenCalled();
  });

  test.each([
    { name: 'a peer-to-peer call', call: CALL, room: preparedRoom() },
    { name: 'a room that has closed', call: LIVEKIT, room: preparedRoom('ended') },
  ])('a joined room is left, not used, for $name', ({ call, room }) => {
    setup({ call, preparedRoom: room });
    expect(room.leave).toHaveBeenCalled();
    expect(vi.mocked(createCallSession).mock.calls[0]![0].preparedRoom).toBeUndefined();
  });
});

describe('leaving', () => {
  test('leaves the session once, ends the snapshot and gives the local stream up', async () => {
    const releaseLocal = vi.fn();
    const call = setup({ releaseLocal });
    await opened();
    call.leave();
    call.leave();
    expect(session.leave).toHaveBeenCalledOnce();
    expect(releaseLocal).toHaveBeenCalledOnce();
    expect(releaseLocal).toHaveBeenCalledWith(camera);
    expect(call.getSnapshot().state).toBe('ended');
  });

  test('before the stream opened, gives the stream up once it opens, and joins nothing', async () => {
    const releaseLocal = vi.fn();
    const call = setup({ releaseLocal });
    call.leave();
    await opened();
    expect(releaseLocal).toHaveBeenCalledWith(camera);
    expect(session.join).not.toHaveBeenCalled();
  });
});
