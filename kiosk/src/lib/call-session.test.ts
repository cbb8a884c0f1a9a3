import type * as Media from '@loket/shared/media';
import { IDLE_CALL, setupCall, type CallController } from '@loket/shared/media';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callStart } from '../test/fixtures';
import { endActiveCall, leavePreparedRoom } from './active-call';
import { openCamera } from './camera';
import { currentCall, identityOfToken, joinCall, prepareMedia, setCallMuted } from './call-session';

vi.mock('./commands', () => ({ command: vi.fn() }));
/** LiveKit sessions made for prepared rooms, recording whether they were joined and left. */
const rooms = vi.hoisted(() => [] as { connect: () => Promise<null>; leave: () => void }[]);
/** Peer-to-peer sessions connected ahead, with what they were made with. */
const peers = vi.hoisted(
  () => [] as { connectAhead: () => void; leave: () => void; options: Media.P2PCallOptions }[],
);
vi.mock('@loket/shared/media', async (importOriginal) => {
  class FakeLiveKitCallSession {
    connect = vi.fn(async () => null);
    leave = vi.fn();
    constructor() {
      rooms.push(this);
    }
  }
  class FakeP2PCallSession {
    connectAhead = vi.fn();
    leave = vi.fn();
    constructor(readonly options: Media.P2PCallOptions) {
      peers.push(this);
    }
  }
  return {
    ...(await importOriginal<typeof Media>()),
    setupCall: vi.fn(),
    LiveKitCallSession: FakeLiveKitCallSession,
    P2PCallSession: FakeP2PCallSession,
  };
});

/** A call that records what the kiosk asks of it. */
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

const ROOM = {
  ticketId: 'ticket-1',
  callId: 'call-1',
  livekit: { url: 'ws://127.0.0.1:7880', token: 'early' },
  signLanguage: true,
};
const LIVEKIT = callStart({ transport: 'livekit' });
const PEER = {
  ticketId: 'ticket-1',
  callId: 'call-1',
  iceServers: [{ urls: 'stun:127.0.0.1:3478' }],
  signLanguage: false,
};
const lastSetup = () => vi.mocked(setupCall).mock.calls.at(-1)![0];

describe('the visitor’s call', () => {
  beforeEach(() => {
    endActiveCall();
    leavePreparedRoom();
    rooms.length = 0;
    peers.length = 0;
    vi.mocked(setupCall)
      .mockReset()
      .mockImplementation(({ call }) => fakeCall(call.callId));
  });

  it('is set up once with the visitor’s camera, and left when the store ends it', () => {
    joinCall(LIVEKIT);
    joinCall(LIVEKIT);
    expect(setupCall).toHaveBeenCalledOnce();
    expect(lastSetup()).toMatchObject({ call: LIVEKIT, local: openCamera });
    // The camera is the visit's, not the call's: the call does not stop it.
    expect(lastSetup().releaseLocal).toBeUndefined();

    const call = currentCall.controller!;
    setCallMuted(true);
    expect(call.setMuted).toHaveBeenCalledWith('audio', true);
    endActiveCall();
    expect(call.leave).toHaveBeenCalled();
    expect(currentCall.getSnapshot()).toBe(IDLE_CALL);
  });

  it('goes on in the room joined while its offer rang', () => {
    prepareMedia(ROOM);
    expect(rooms[0]!.connect).toHaveBeenCalled();
    joinCall(LIVEKIT);
    expect(lastSetup().preparedRoom).toBe(rooms[0]);
    expect(rooms[0]!.leave).not.toHaveBeenCalled();
    // The call has the room now: the end of the visit leaves it through the call.
    leavePreparedRoom();
    expect(rooms[0]!.leave).not.toHaveBeenCalled();
  });

  it('leaves a room joined for another call, or for an earlier offer', () => {
    prepareMedia({ ...ROOM, callId: 'call-0' });
    prepareMedia({ ...ROOM, callId: 'call-9' });
    expect(rooms[0]!.leave).toHaveBeenCalled();
    joinCall(LIVEKIT);
    expect(rooms[1]!.leave).toHaveBeenCalled();
    expect(lastSetup().preparedRoom).toBeUndefined();
  });

  it('connects to the officer while the offer rings, and goes on as the call on that connection', () => {
    prepareMedia(PEER);
    expect(peers[0]!.connectAhead).toHaveBeenCalled();
    // The kiosk answers the officer's console, with its own ICE servers.
    expect(peers[0]!.options).toMatchObject({ polite: true, iceServers: PEER.iceServers });
    joinCall(callStart({ transport: 'p2p', callId: 'call-1' }));
    expect(lastSetup().prepared).toBe(peers[0]);
    leavePreparedRoom();
    expect(peers[0]!.leave).not.toHaveBeenCalled();
  });

  it('closes the connection made for an offer that went unanswered, or for another call', () => {
    prepareMedia(PEER);
    leavePreparedRoom();
    expect(peers[0]!.leave).toHaveBeenCalled();
    prepareMedia({ ...PEER, callId: 'call-0' });
    joinCall(callStart({ transport: 'p2p', callId: 'call-1' }));
    expect(peers[1]!.leave).toHaveBeenCalled();
    expect(lastSetup().prepared).toBeUndefined();
  });

  it('is joined again when the server names the kiosk differently in the call’s media', () => {
    const as = (identity: string) =>
      callStart({
        transport: 'livekit',
        livekit: { url: 'ws://127.0.0.1:7880', token: tokenFor(identity) },
      });
    joinCall(as('kiosk:k1:0'));
    const first = currentCall.controller!;
    // A reconnect that changed nothing: the same identity, the running call goes on.
    joinCall(as('kiosk:k1:0'));
    expect(setupCall).toHaveBeenCalledOnce();
    // Another connection took the kiosk over and back: the earlier identity was put out.
    joinCall(as('kiosk:k1:1'));
    expect(setupCall).toHaveBeenCalledTimes(2);
    expect(first.leave).toHaveBeenCalled();
    expect(currentCall.controller).not.toBe(first);
  });
});

/** An unsigned JWT naming `identity`, shaped like LiveKit's. */
function tokenFor(identity: string): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${part({ alg: 'HS256' })}.${part({ sub: identity, video: { room: 'r' } })}.sig`;
}

describe('the identity a join token names', () => {
  it('is its sub claim, and nothing for what is not a token', () => {
    expect(identityOfToken(tokenFor('kiosk:k1:3'))).toBe('kiosk:k1:3');
    expect(identityOfToken(undefined)).toBeNull();
    expect(identityOfToken('not-a-token')).toBeNull();
    expect(identityOfToken('a.!!!.c')).toBeNull();
  });
});
