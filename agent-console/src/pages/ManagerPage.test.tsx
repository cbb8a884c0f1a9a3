import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fakeSocket';
import { managerUser, NOW, queueSnapshot } from '../test/fixtures';
import { resetStore } from '../test/resetStore';
import ManagerPage from './ManagerPage';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../lib/managerSocket', () => ({ connectManagerSocket: () => socket.current }));

function fake(): FakeSocket {
  if (!socket.current) throw new Error('no socket');
  return socket.current;
}

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(managerUser);
  socket.current = new FakeSocket();
});

describe('ManagerPage', () => {
  test('fills from the snapshot on connect, then follows queue:changed', async () => {
    answerWith(fake(), { 'queue:snapshot': { ok: true, data: queueSnapshot() } });
    render(<ManagerPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Antrian langsung' })).toBeInTheDocument();
    await act(async () => fake().serverEmit('connect'));
    const waiting = screen.getByRole('table', { name: 'Tiket menunggu' });
    expect(within(waiting).getAllByRole('row')).toHaveLength(3);

    act(() => fake().serverEmit('queue:changed', queueSnapshot({ at: NOW + 1, tickets: [] })));
    expect(within(waiting).getByText('Tidak ada antrian')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Petugas' })).toHaveTextContent('Sari Wulandari');
  });
});
