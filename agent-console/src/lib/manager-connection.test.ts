import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { managerUser, queueDelta, queueSnapshot } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { startManagerConnection } from './manager-connection';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('./manager-socket', () => ({
  connectManagerSocket: () => socket.current,
  managerSocket: () => socket.current,
  disconnectManagerSocket: () => socket.current?.disconnect(),
}));

function fake(): FakeSocket {
  if (!socket.current) throw new Error('no socket');
  return socket.current;
}

const queue = () => consoleStore.getState().queue;
const ticketIds = () => queue()?.tickets.map((ticket) => ticket.id);

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(managerUser);
  socket.current = new FakeSocket();
});

describe('manager connection', () => {
  test('the first connect loads a snapshot, then deltas apply in order', async () => {
    answerWith(fake(), { 'queue:snapshot': { ok: true, data: queueSnapshot({ seq: 5 }) } });
    startManagerConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(queue()?.seq).toBe(5));
    fake().serverEmit('queue:changed', queueDelta({ seq: 6, removedTicketIds: ['t-14'] }));
    fake().serverEmit('queue:changed', queueDelta({ seq: 6, removedTicketIds: ['t-15'] }));
    expect(queue()?.seq).toBe(6);
    expect(ticketIds()).toEqual(['t-15']);
  });

  test('a gap asks queue:since and applies the missed deltas before the held one', async () => {
    answerWith(fake(), {
      'queue:snapshot': { ok: true, data: queueSnapshot({ seq: 5 }) },
      'queue:since': {
        ok: true,
        data: {
          kind: 'deltas',
          deltas: [queueDelta({ seq: 6, removedTicketIds: ['t-14'] }), queueDelta({ seq: 7 })],
        },
      },
    });
    startManagerConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(queue()?.seq).toBe(5));
    fake().serverEmit('queue:changed', queueDelta({ seq: 8, removedTicketIds: ['t-15'] }));
    await vi.waitFor(() => expect(queue()?.seq).toBe(8));
    expect(fake().emitWithAck).toHaveBeenCalledWith('queue:since', { seq: 5 });
    expect(ticketIds()).toEqual([]);
  });

  test('a reconnect catches up with queue:since, which may answer a fresh snapshot', async () => {
    answerWith(fake(), {
      'queue:snapshot': { ok: true, data: queueSnapshot({ seq: 5 }) },
      'queue:since': {
        ok: true,
        data: { kind: 'snapshot', snapshot: queueSnapshot({ seq: 2, tickets: [] }) },
      },
    });
    startManagerConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(queue()?.seq).toBe(5));
    fake().serverEmit('disconnect', 'transport close');
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(queue()?.seq).toBe(2));
    expect(fake().emitWithAck).toHaveBeenCalledWith('queue:since', { seq: 5 });
    expect(fake().emitWithAck).toHaveBeenCalledTimes(2);
    expect(ticketIds()).toEqual([]);
  });

  test('a failed catch-up is shown as a translated error', async () => {
    answerWith(fake(), {
      'queue:snapshot': { ok: false, error: { code: 'INTERNAL', message: 'db' } },
    });
    startManagerConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(consoleStore.getState().error).toBe('INTERNAL'));
    expect(queue()).toBeNull();
  });
});
