import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { agentUser, agentView, bootstrap, offerView } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import AgentPage from './AgentPage';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../lib/agent-socket', () => ({
  connectAgentSocket: () => socket.current,
  agentSocket: () => socket.current,
  disconnectAgentSocket: () => socket.current?.disconnect(),
}));

function fake(): FakeSocket {
  if (!socket.current) throw new Error('no socket');
  return socket.current;
}

async function connectAs(status: 'available' | 'away') {
  answerWith(fake(), {
    'agent:bootstrap': {
      ok: true,
      data: bootstrap({ agent: agentView({ status }), call: null }),
    },
    'agent:setStatus': { ok: true, data: { agent: agentView({ status: 'available' }) } },
    'callback:list': { ok: true, data: { callbacks: [] } },
  });
  render(<AgentPage />);
  await act(async () => fake().serverEmit('connect'));
}

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(agentUser);
  socket.current = new FakeSocket();
});

describe('AgentPage', () => {
  test('shows the agent, their state, and disables the button of the current state', async () => {
    await connectAs('away');
    expect(screen.getByRole('heading', { level: 1, name: 'Konsol petugas' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Sari Wulandari' })).toBeInTheDocument();
    expect(screen.getByText('Sedang istirahat')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Istirahat' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Siap melayani' }));
    expect(await screen.findByText('Tersedia')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Siap melayani' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  test('during wrap-up it says so and keeps going available enabled, ending wrap-up early', async () => {
    answerWith(fake(), {
      'agent:bootstrap': { ok: true, data: bootstrap({ agent: agentView({ status: 'wrap_up' }) }) },
      'agent:setStatus': { ok: true, data: { agent: agentView({ status: 'available' }) } },
      'callback:list': { ok: true, data: { callbacks: [] } },
    });
    render(<AgentPage />);
    await act(async () => fake().serverEmit('connect'));
    expect(screen.getByText('Menyelesaikan catatan')).toBeInTheDocument();
    const available = screen.getByRole('button', { name: 'Siap melayani' });
    expect(available).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('button', { name: 'Istirahat' })).not.toHaveAttribute('aria-disabled');
    await userEvent.click(available);
    expect(fake().emitWithAck).toHaveBeenCalledWith('agent:setStatus', { status: 'available' });
    expect(await screen.findByText('Tersedia')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Siap melayani' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  test('rings an incoming offer and says so when it is withdrawn', async () => {
    await connectAs('available');
    act(() => fake().serverEmit('offer:new', offerView()));
    expect(screen.getByRole('alertdialog', { name: 'Panggilan masuk' })).toBeInTheDocument();
    act(() => fake().serverEmit('offer:withdrawn', { ticketId: 't-14', reason: 'expired' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByText(/Tawaran kedaluwarsa/)).toBeInTheDocument();
  });

  test('shows the offline banner while the socket is down', async () => {
    await connectAs('available');
    act(() => fake().serverEmit('disconnect', 'transport close'));
    expect(screen.getByText(/Koneksi ke server terputus/)).toBeInTheDocument();
  });

  test('opened elsewhere, it says so in place of the console, and its button takes the console back', async () => {
    await connectAs('available');
    act(() => fake().serverEmit('offer:new', offerView()));
    act(() => {
      fake().serverEmit('agent:replaced', {});
      fake().serverEmit('disconnect', 'io server disconnect');
    });
    const title = screen.getByRole('heading', { name: 'Konsol dibuka di jendela lain' });
    expect(title).toHaveFocus();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Siap melayani' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Koneksi ke server terputus/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Gunakan konsol di sini' }));
    expect(fake().connect).toHaveBeenCalledTimes(1);
    await act(async () => fake().serverEmit('connect'));
    expect(screen.queryByRole('heading', { name: 'Konsol dibuka di jendela lain' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Siap melayani' })).toBeInTheDocument();
  });

  test('disables signing out during a call', async () => {
    answerWith(fake(), {
      'agent:bootstrap': {
        ok: true,
        data: bootstrap({ agent: agentView({ status: 'busy' }), call: null }),
      },
    });
    render(<AgentPage />);
    await act(async () => fake().serverEmit('connect'));
    expect(screen.getByRole('button', { name: 'Keluar' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('button', { name: 'Siap melayani' })).not.toBeInTheDocument();
  });
});
