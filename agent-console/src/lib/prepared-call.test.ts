import type * as Media from '@loket/shared/media';
import { PreparedP2POffer } from '@loket/shared/media';
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
  original.PreparedP2POffer.prepare = vi.fn();
  class FakeLiveKitCallSession {
    prepublish = vi.fn();
    join = vi.fn(async () => {});
    leave = vi.fn();
    constructor() {
      rooms.push(this);
    }
  }
  return { ...original, LiveKitCallSession: FakeLiveKitCallSession };
});

const local = { id: 'camera' } as unknown as MediaStream;
vi.mock('./local-media', () => ({
  openingLocalMedia: () => Promise.resolve(local),
  discardLocalMedia: vi.fn(),
}));

/** A connection prepared while the offer rang, recording whether it was given up. */
function preparedConnection() {
  return { sdp: 'v=0 prepared', session: 'console-1', local, close: vi.fn() };
}

const P2P = { iceServers: [{ urls: 'stun:127.0.0.1:3478' }] };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
let prepared: ReturnType<typeof preparedConnection>;

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
  socket.current = new FakeSocket();
  prepared = preparedConnection();
  vi.mocked(PreparedP2POffer.prepare)
    .mockReset()
    .mockResolvedValue(prepared as never);
});

describe('a call prepared while its offer rings', () => {
  test('a peer-to-peer offer is accepted with the connection offer prepared for it', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
    await acceptOffer('t-1');
    expect(PreparedP2POffer.prepare).toHaveBeenCalledWith(P2P.iceServers, local);
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('offer:accept', {
      ticketId: 't-1',
      offer: { sdp: 'v=0 prepared', session: 'console-1' },
    });
    expect(consoleStore.getState().call).toMatchObject({ callId: 'c-1' });
    expect(takeForCall('c-1')).toEqual({ prepared });
    expect(prepared.close).not.toHaveBeenCalled();
  });

  test('an offer for a LiveKit call prepares no connection and is accepted without one', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    prepareCall(offerView({ ticketId: 't-1' }));
    await acceptOffer('t-1');
    expect(PreparedP2POffer.prepare).not.toHaveBeenCalled();
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('offer:accept', { ticketId: 't-1' });
  });

  test('a connection prepared for one ticket is closed, not sent, when another is accepted', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
    await acceptOffer('t-2');
    await flush();
    expect(prepared.close).toHaveBeenCalled();
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('offer:accept', { ticketId: 't-2' });
  });

  test('declining, a withdrawn offer and a refused accept each close the prepared connection', async () => {
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
    for (const close of closings) {
      prepared = preparedConnection();
      vi.mocked(PreparedP2POffer.prepare).mockResolvedValue(prepared as never);
      prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
      await close();
      await flush();
      expect(prepared.close).toHaveBeenCalled();
    }
  });

  test('the kept connection is closed when the call that starts is not the accepted one', async () => {
    answerWith(socket.current!, { 'offer:accept': { ok: true, data: { call: callStart() } } });
    prepareCall(offerView({ ticketId: 't-1', p2p: P2P }));
    await acceptOffer('t-1');
    expect(takeForCall('c-2')).toEqual({});
    expect(prepared.close).toHaveBeenCalled();
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
