import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import i18n from '../i18n';
import { pathFor } from '../lib/route';
import { consoleStore } from '../store';
import { answerWith } from '../test/fake-socket';
import { fake, newManagerSocket } from '../test/manager-socket-mock';
import { agentView, managerUser, queueCounters, queueDelta, queueSnapshot } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import WallboardPage from './WallboardPage';

vi.mock('../lib/manager-socket', () => import('../test/manager-socket-mock'));

beforeEach(async () => {
  resetStore();
  await i18n.changeLanguage('id');
  consoleStore.getState().signedIn(managerUser);
  newManagerSocket();
});

async function showWallboard(region = 'Antrian hari ini') {
  answerWith(fake(), {
    'queue:snapshot': {
      ok: true,
      data: queueSnapshot({
        agents: [
          agentView({ id: 'a-1', status: 'available' }),
          agentView({ id: 'a-2', status: 'away' }),
          agentView({ id: 'a-3', status: 'offline' }),
        ],
      }),
    },
  });
  render(<WallboardPage />);
  await act(async () => fake().serverEmit('connect'));
  const figures = screen.getByRole('region', { name: region });
  return (label: string) => within(figures).getByText(label).nextElementSibling;
}

describe('WallboardPage', () => {
  test('shows the live figures large, with the way back as its only control', async () => {
    const value = await showWallboard();
    expect(screen.getByRole('heading', { level: 1, name: 'Layar dinding' })).toBeInTheDocument();
    expect(value('Menunggu')).toHaveTextContent('2');
    expect(value('Tunggu terlama')).toHaveTextContent('2:05');
    expect(value('Petugas bertugas')).toHaveTextContent('2 1 siap melayani');
    expect(value('Sedang dilayani')).toHaveTextContent('0');
    expect(value('Tingkat layanan')).toHaveTextContent('80%');
    expect(value('Rata-rata waktu jawab')).toHaveTextContent('0:42');
    expect(value('Indeks kepuasan (IKM)')).toHaveTextContent('82,50 mutu B · 12 responden');
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByRole('link', { name: 'Kembali ke antrian langsung' })).toHaveAttribute(
      'href',
      pathFor('manager', import.meta.env.BASE_URL),
    );
  });

  test('follows the queue as it changes, without a reload', async () => {
    const value = await showWallboard();
    act(() =>
      fake().serverEmit(
        'queue:changed',
        queueDelta({
          seq: 6,
          counters: queueCounters({ waiting: 5, longestWaitMs: 400_000, ikm: null }),
        }),
      ),
    );
    expect(value('Menunggu')).toHaveTextContent('5');
    expect(value('Tunggu terlama')).toHaveTextContent('6:40');
    expect(value('Indeks kepuasan (IKM)')).toHaveTextContent('belum ada data');
  });

  test('says so while the link is down, and in English when the console is', async () => {
    await i18n.changeLanguage('en');
    const value = await showWallboard('Today’s queue');
    act(() => fake().serverEmit('disconnect', 'transport close'));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Lost connection to the server. Reconnecting…',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Wallboard' })).toBeInTheDocument();
    expect(value('Officers on duty')).toHaveTextContent('2 1 available');
  });
});
