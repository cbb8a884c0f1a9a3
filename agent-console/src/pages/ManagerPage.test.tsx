import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { pathFor } from '../lib/route';
import { consoleStore } from '../store';
import { answerWith } from '../test/fake-socket';
import { fake, newManagerSocket } from '../test/manager-socket-mock';
import { managerUser, NOW, queueDelta, queueSnapshot } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import ManagerPage from './ManagerPage';

vi.mock('../lib/manager-socket', () => import('../test/manager-socket-mock'));

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(managerUser);
  newManagerSocket();
});

describe('ManagerPage', () => {
  test('fills from the snapshot on connect, then follows queue:changed deltas', async () => {
    answerWith(fake(), { 'queue:snapshot': { ok: true, data: queueSnapshot() } });
    render(<ManagerPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Antrian langsung' })).toBeInTheDocument();
    await act(async () => fake().serverEmit('connect'));
    const waiting = screen.getByRole('table', { name: 'Tiket menunggu' });
    expect(within(waiting).getAllByRole('row')).toHaveLength(3);
    const row = within(waiting).getByRole('rowheader', { name: 'B-014' }).closest('tr');
    expect(row).toHaveTextContent('Informasi publik (PPID)');

    act(() =>
      fake().serverEmit(
        'queue:changed',
        queueDelta({ seq: 6, removedTicketIds: ['t-14', 't-15'] }),
      ),
    );
    expect(within(waiting).getByText('Tidak ada antrian')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Petugas' })).toHaveTextContent('Sari Wulandari');
  });

  test('links to the wallboard, which shows the same figures for a wall screen', () => {
    render(<ManagerPage />);
    expect(screen.getByRole('link', { name: 'Buka layar dinding' })).toHaveAttribute(
      'href',
      pathFor('wallboard', import.meta.env.BASE_URL),
    );
  });

  test('shows today’s figures, with a dash for a figure not known yet', async () => {
    answerWith(fake(), {
      'queue:snapshot': {
        ok: true,
        data: queueSnapshot({
          counters: {
            waiting: 2,
            longestWaitMs: 125_000,
            averageSpeedOfAnswerMs: null,
            abandonmentRate: 0.125,
            serviceLevel: 0.8,
            serviceLevelTargetMs: 20_000,
            serviceLevelGoal: 0.8,
            openCallbacks: 3,
            ikm: null,
          },
        }),
      },
    });
    render(<ManagerPage />);
    await act(async () => fake().serverEmit('connect'));
    const figures = screen.getByRole('region', { name: 'Angka hari ini' });
    const value = (label: string) => within(figures).getByText(label).nextElementSibling;
    expect(value('Menunggu sekarang')).toHaveTextContent('2');
    expect(value('Tunggu terlama')).toHaveTextContent('2:05');
    expect(value('Rata-rata waktu jawab')).toHaveTextContent('—');
    expect(value('Tingkat ditinggalkan')).toHaveTextContent('13%');
    expect(value('Tingkat layanan (dijawab ≤ 20 detik, sasaran 80 %)')).toHaveTextContent('80%');
    expect(value('Telepon balik terbuka')).toHaveTextContent('3');
  });

  function showCall(transport: 'livekit' | 'p2p') {
    consoleStore.getState().signedIn({ ...managerUser, mediaTransport: transport });
    const inCall = {
      ...queueSnapshot().tickets[0]!,
      id: 't-12',
      number: 'A-012',
      status: 'in_call' as const,
      createdAt: NOW - 60_000,
      agentId: 'a-1',
    };
    answerWith(fake(), {
      'queue:snapshot': { ok: true, data: queueSnapshot({ tickets: [inCall] }) },
      'call:monitor': { ok: false, error: { code: 'NOT_IN_CALL', message: 'over' } },
    });
    render(<ManagerPage />);
    return act(async () => fake().serverEmit('connect'));
  }

  test('a call in progress can be watched when calls use LiveKit', async () => {
    await showCall('livekit');
    const calls = screen.getByRole('table', { name: 'Panggilan berlangsung' });
    const row = within(calls).getByRole('rowheader', { name: 'A-012' }).closest('tr');
    expect(row).toHaveTextContent('Sari Wulandari');
    const watch = within(calls).getByRole('button', { name: 'Pantau panggilan' });
    expect(watch).toHaveAccessibleDescription('A-012');
    await userEvent.click(watch);
    expect(screen.getByRole('dialog', { name: 'Memantau panggilan A-012' })).toBeInTheDocument();
    expect(fake().emitWithAck).toHaveBeenCalledWith('call:monitor', { ticketId: 't-12' });
  });

  test('peer-to-peer calls are listed with no watching, and the manager is told why', async () => {
    await showCall('p2p');
    const calls = screen.getByRole('table', { name: 'Panggilan berlangsung' });
    expect(within(calls).getByRole('rowheader', { name: 'A-012' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pantau panggilan' })).not.toBeInTheDocument();
    expect(screen.getByText(/tidak dapat dipantau/)).toHaveTextContent('jalur LiveKit');
  });
});
