import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Signal } from '@loket/shared';
import { FakeSocket } from '../test/fake-socket';
import { socketSignalChannel } from './socket-signal-channel';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('./agent-socket', () => ({ agentSocket: () => socket.current }));

const offer: Signal = { kind: 'description', description: { type: 'offer', sdp: 'v=0' } };
const candidate: Signal = { kind: 'candidate', candidate: null };

function fake(): FakeSocket {
  if (!socket.current) throw new Error('no socket');
  return socket.current;
}

beforeEach(() => {
  socket.current = new FakeSocket();
  socket.current.emitWithAck.mockResolvedValue({ ok: true, data: null });
});

describe('socketSignalChannel', () => {
  test('sends signals as call:signal for its call', () => {
    socketSignalChannel('c-1').send(offer);
    expect(fake().emitWithAck).toHaveBeenCalledWith('call:signal', {
      callId: 'c-1',
      signal: offer,
    });
  });

  test('keeps signals that arrive before the session subscribes, in order', () => {
    const channel = socketSignalChannel('c-1');
    fake().serverEmit('call:signal', { callId: 'c-1', signal: offer });
    const received: Signal[] = [];
    channel.subscribe((signal) => received.push(signal));
    fake().serverEmit('call:signal', { callId: 'c-1', signal: candidate });
    expect(received).toEqual([offer, candidate]);
  });

  test('ignores signals of other calls and malformed ones', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const received: Signal[] = [];
    socketSignalChannel('c-1').subscribe((signal) => received.push(signal));
    fake().serverEmit('call:signal', { callId: 'c-2', signal: offer });
    fake().serverEmit('call:signal', { callId: 'c-1', signal: { kind: 'nonsense' } });
    expect(received).toEqual([]);
  });

  test('unsubscribing stops listening on the socket', () => {
    const unsubscribe = socketSignalChannel('c-1').subscribe(() => undefined);
    unsubscribe();
    expect(fake().listeners.get('call:signal')?.size ?? 0).toBe(0);
  });
});
