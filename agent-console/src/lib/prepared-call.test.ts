import type * as Media from '@loket/shared/media';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { callStart, offerView } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { acceptOffer, declineOffer } from './agent-actions';
import { abandonPreparedCall, prepareCall, prepareRoom, takeForCall } from './prepared-call';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('./agent-socket', () => ({ agentSocket: () => socket.current }));
/** A LiveKit session that records whether its room was joined and left. */
const rooms = vi.hoisted(
  () =>
    [] as {
      prepublish: (local: MediaStream) => void;
      join: (local: MediaStream) => void;
      leave: () => void;
    }[],
);
vi.mock('@loket/shared/media', async (importOriginal) => {
  const original = await importOriginal<typeof Media>();
  class FakeP2PCallSession {
    connectAhead = vi.fn();
    holdCamera = vi.fn();
    leave = vi.fn();
    state = 'connecting';
    setMuted = vi.fn();
    join = vi.fn(async () => {});
    constructor(readonly options: Media.P2PCallOptions) {
      peers.push(this);
    }
  }
  class FakeLiveKitCallSession {
    prepublish = vi.fn();
    join = vi.fn(async () => {});
    leave = vi.fn();
    constructor() {
      rooms.push(this);
    }
  }
  return {
    ...original,
    LiveKitCallSession: FakeLiveKitCallSession,
    P2PCallSession: FakeP2PCallSession,
  };
});

const local = { id: 'camera' } as unknown as MediaStream;
vi.mock('./local-media', () => ({
  openingLocalMedia: () => Promise.resolve(local),
  discardLocalMedia: vi.fn(),
}));

/** Peer-to-peer sessions connected ahead, with what they were made with. */
const peers = vi.hoisted(
  () =>
    [] as {
      connectAhead: () => void;
      holdCamera: (local: MediaStream) => void;
      leave: () => void;
      setMuted: (kind: string, muted: boolean) => void;
      join: (local: MediaStream) => Promise<void>;
      options: Media.P2PCallOptions;
    }[],
);

const P2P = { callId: 'c-1', iceServers: [{ urls: 'stun:127.0.0.1:3478' }], signLanguage: false };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const ROOM = {
  ticketId: 't-1',
  callId: 'c-1',
  livekit: { url: 'ws://127.0.0.1:7880', token: 'early' },
  signLanguage: false,
};

beforeEach(() => {
  rooms.length = 0;
  resetStore();
  abandonPreparedCall();
  peers.length = 0;
  socket.current = new FakeSocket();
});

describe('a call prepared while its offer rings', () => {
  test('a peer-to-peer offer connects to the kiosk while it rings, and the call goes on in it', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
    // The console offers, with its own ICE servers, on the call the server named.
    expect(peers[0]!.connectAhead).toHaveBeenCalled();
    expect(peers[0]!.options).toMatchObject({ polite: false, iceServers: P2P.iceServers });
    expect(socket.current!.listeners.get('call:signal')?.size).toBe(1);
    // The camera, once open, goes on that connection held back, before anyone accepts.
    await flush();
    expect(peers[0]!.holdCamera).toHaveBeenCalledWith(local);
    expect(peers[0]!.join).not.toHaveBeenCalled();
    await acceptOffer('t-1');
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('offer:accept', { ticketId: 't-1' });
    expect(consoleStore.getState().call).toMatchObject({ callId: 'c-1' });
    expect(takeForCall('c-1')).toEqual({ prepared: peers[0] });
    expect(peers[0]!.leave).not.toHaveBeenCalled();
  });

  test('the accept puts camera and microphone on that connection before the call view takes it, muted as the officer chose', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    consoleStore.setState({ cameraOff: true, micMuted: false });
    prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
    expect(peers[0]!.join).not.toHaveBeenCalled();
    let callInStore: unknown = 'not yet joined';
    vi.mocked(peers[0]!.join).mockImplementation(async () => {
      callInStore = consoleStore.getState().call;
    });
    await acceptOffer('t-1');
    expect(peers[0]!.join).toHaveBeenCalledWith(local);
    expect(callInStore).toBeNull();
    expect(peers[0]!.setMuted).toHaveBeenCalledWith('video', true);
    expect(peers[0]!.setMuted).toHaveBeenCalledWith('audio', false);
  });

  test('a refused accept sends nothing on the connection made ahead', async () => {
    answerWith(socket.current!, {
      'offer:accept': { ok: false, error: { code: 'OFFER_NOT_HELD', message: 'expired' } },
    });
    prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
    await acceptOffer('t-1');
    expect(peers[0]!.join).not.toHaveBeenCalled();
    expect(peers[0]!.leave).toHaveBeenCalled();
  });

  test('an offer for a LiveKit call connects nothing ahead', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    prepareCall(offerView({ ticketId: 't-1' }));
    await acceptOffer('t-1');
    expect(peers).toHaveLength(0);
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('offer:accept', { ticketId: 't-1' });
  });

  test('a connection made for one ticket is closed when another is accepted', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
    await acceptOffer('t-2');
    expect(peers[0]!.leave).toHaveBeenCalled();
  });

  test('declining, a withdrawn offer and a refused accept each close the connection made ahead', async () => {
    answerWith(socket.current!, {
      'offer:decline': {
        ok: true,
        data: { agent: { id: 'a', displayName: 'A', status: 'available', statusSince: 1 } },
      },
      'offer:accept': { ok: false, error: { code: 'OFFER_NOT_HELD', message: 'expired' } },
    });
    const closings = [
      () => declineOffer('t-1'),
      async () => abandonPreparedCall(),
      () => acceptOffer('t-1'),
    ];
    for (const [i, close] of closings.entries()) {
      prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
      await close();
      await flush();
      expect(peers[i]!.leave).toHaveBeenCalled();
    }
  });

  test('the connection is closed when the call that starts is not the one it was made for', async () => {
    answerWith(socket.current!, {
      'offer:accept': { ok: true, data: { call: callStart({ callId: 'c-2' }) } },
    });
    prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
    await acceptOffer('t-1');
    expect(peers[0]!.leave).toHaveBeenCalled();
    expect(takeForCall('c-2')).toEqual({});
  });

  test('a LiveKit offer has its room joined while it rings, and the call goes on in it', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    prepareCall(offerView({ ticketId: 't-1' }));
    prepareRoom(ROOM);
    expect(rooms).toHaveLength(1);
    await flush();
    // In the room, camera and microphone muted: nothing goes out before the accept.
    expect(rooms[0]!.prepublish).toHaveBeenCalledWith(local);
    expect(rooms[0]!.join).not.toHaveBeenCalled();
    await acceptOffer('t-1');
    // The officer's camera goes out with the accept.
    expect(rooms[0]!.join).toHaveBeenCalledWith(local);
    const started = takeForCall('c-1');
    expect(started).toEqual({ preparedRoom: rooms[0] });
    expect(rooms[0]!.leave).not.toHaveBeenCalled();
  });

  test('the room of an offer that no longer rings is not joined', () => {
    prepareCall(offerView({ ticketId: 't-2' }));
    prepareRoom(ROOM);
    expect(rooms).toHaveLength(0);
  });

  test('a withdrawn offer leaves its room, and so does a call that started in another room', async () => {
    prepareCall(offerView({ ticketId: 't-1' }));
    prepareRoom(ROOM);
    abandonPreparedCall();
    expect(rooms[0]!.leave).toHaveBeenCalled();
    answerWith(socket.current!, {
      'offer:accept': { ok: true, data: { call: callStart({ callId: 'c-9' }) } },
    });
    prepareCall(offerView({ ticketId: 't-1' }));
    prepareRoom(ROOM);
    await acceptOffer('t-1');
    expect(rooms[1]!.leave).toHaveBeenCalled();
  });
});
