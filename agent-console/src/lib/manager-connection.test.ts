import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith } from '../test/fake-socket';
import { fake, newManagerSocket } from '../test/manager-socket-mock';
import {
  kioskStatus,
  managerUser,
  officeCatalogue,
  queueDelta,
  queueSnapshot,
} from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { startManagerConnection } from './manager-connection';

vi.mock('./manager-socket', () => import('../test/manager-socket-mock'));

const queue = () => consoleStore.getState().queue;
const kiosks = () => consoleStore.getState().kiosks;
const ticketIds = () => queue()?.tickets.map((ticket) => ticket.id);

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(managerUser);
  newManagerSocket();
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

  test('an administrator’s change to the services reloads the queue with their new names', async () => {
    answerWith(fake(), { 'queue:snapshot': { ok: true, data: queueSnapshot({ seq: 5 }) } });
    startManagerConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(queue()?.seq).toBe(5));
    answerWith(fake(), { 'queue:snapshot': { ok: true, data: queueSnapshot({ seq: 9 }) } });
    fake().serverEmit('office:changed', officeCatalogue());
    await vi.waitFor(() => expect(queue()?.seq).toBe(9));
  });

  test('a reconnect catches up with queue:since, which may answer a fresh snapshot', async () => {
    answerWith(fake(), {
      'queue:snapshot': { ok: true, data: queueSnapshot({ seq: 5 }) },
      'queue:since': {
        ok: true,
        data: { kind: 'snapshot', snapshot: queueSnapshot({ seq: 2, tickets: [] }) },
      },
      'kiosks:status': { ok: true, data: { kiosks: [] } },
    });
    startManagerConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(queue()?.seq).toBe(5));
    fake().serverEmit('disconnect', 'transport close');
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(queue()?.seq).toBe(2));
    expect(fake().emitWithAck).toHaveBeenCalledWith('queue:since', { seq: 5 });
    const queueCommands = fake().emitWithAck.mock.calls.filter(([event]) =>
      String(event).startsWith('queue:'),
    );
    expect(queueCommands).toHaveLength(2);
    expect(ticketIds()).toEqual([]);
  });

  test('a failed catch-up is shown as a translated error', async () => {
    answerWith(fake(), {
      'queue:snapshot': { ok: false, error: { code: 'INTERNAL', message: 'db' } },
      'kiosks:status': { ok: true, data: { kiosks: [] } },
    });
    startManagerConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(consoleStore.getState().error).toBe('INTERNAL'));
    expect(queue()).toBeNull();
  });

  test('the office’s kiosks are listed on connect, then followed one report at a time', async () => {
    const lobby = kioskStatus({ id: 'k1', name: 'Kios lobi 1' });
    answerWith(fake(), {
      'queue:snapshot': { ok: true, data: queueSnapshot({ seq: 5 }) },
      'kiosks:status': { ok: true, data: { kiosks: [lobby] } },
    });
    startManagerConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(kiosks()).toEqual([lobby]));
    fake().serverEmit('kiosk:status', { ...lobby, online: false });
    fake().serverEmit('kiosk:status', kioskStatus({ id: 'k0', name: 'Kios gedung A' }));
    expect(kiosks()?.map((k) => [k.name, k.online])).toEqual([
      ['Kios gedung A', true],
      ['Kios lobi 1', false],
    ]);
  });

  test('a kiosk report that breaks the contract changes nothing', async () => {
    answerWith(fake(), {
      'queue:snapshot': { ok: true, data: queueSnapshot({ seq: 5 }) },
      'kiosks:status': { ok: true, data: { kiosks: [kioskStatus()] } },
    });
    startManagerConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(kiosks()).toHaveLength(1));
    fake().serverEmit('kiosk:status', { id: 'k1', online: 'yes' });
    expect(kiosks()).toEqual([kioskStatus()]);
  });
});
