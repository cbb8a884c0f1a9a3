import type { MonitorGrant, QueueTicket } from '@loket/shared';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { answerWith, FakeSocket } from '../../test/fake-socket';
import { queueSnapshot } from '../../test/fixtures';
import { MonitorDialog } from './MonitorDialog';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../../lib/manager-socket', () => ({ managerSocket: () => socket.current }));

/** Stands in for the LiveKit room: the test decides when joining ends and what arrives. */
const sessions = vi.hoisted(() => {
  type Listener = (...args: never[]) => void;
  class FakeMonitorSession {
    static last: FakeMonitorSession | null = null;
    readonly listeners = new Map<string, Listener>();
    readonly leave = vi.fn();
    state = 'connecting';
    joined!: { resolve: (state?: string) => void; reject: (error: Error) => void };
    constructor(readonly options: { url: string; token: string }) {
      FakeMonitorSession.last = this;
    }
    join(): Promise<void> {
      return new Promise((resolve, reject) => {
        this.joined = {
          resolve: (state = 'watching') => {
            this.state = state;
            resolve();
          },
          reject,
        };
      });
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return () => this.listeners.delete(event);
    }
    emit(event: string, ...args: unknown[]) {
      (this.listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
    }
  }
  return { FakeMonitorSession };
});
vi.mock('@loket/shared/media', () => ({ MonitorSession: sessions.FakeMonitorSession }));

function session() {
  const current = sessions.FakeMonitorSession.last;
  if (!current) throw new Error('no monitor session started');
  return current;
}

const grant: MonitorGrant = {
  url: 'wss://livekit.example',
  token: 'monitor-token',
  visitor: { identity: 'kiosk:k-1', label: 'A-012' },
  officer: { identity: 'agent:a-1', label: 'Sari Wulandari' },
};

const ticket: QueueTicket = {
  ...queueSnapshot().tickets[0]!,
  id: 't-12',
  number: 'A-012',
  status: 'in_call',
  agentId: 'a-1',
};

function fakeStream(): MediaStream {
  return { id: crypto.randomUUID(), getTracks: () => [] } as unknown as MediaStream;
}

beforeEach(() => {
  sessions.FakeMonitorSession.last = null;
  socket.current = new FakeSocket();
});

describe('MonitorDialog', () => {
  test('says it is joining, then shows the visitor and the officer by name, sound off', async () => {
    answerWith(socket.current!, { 'call:monitor': { ok: true, data: grant } });
    render(<MonitorDialog ticket={ticket} onClose={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Memantau panggilan A-012' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Masuk ke panggilan…');
    await vi.waitFor(() => expect(sessions.FakeMonitorSession.last).not.toBeNull());
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('call:monitor', { ticketId: 't-12' });
    expect(session().options).toEqual({ url: grant.url, token: grant.token });

    await act(async () => session().joined.resolve());
    act(() => session().emit('stream', 'kiosk:k-1', fakeStream()));
    const visitor = screen.getByLabelText('Pengunjung A-012');
    const officer = screen.getByLabelText('Petugas Sari Wulandari');
    // Named by the caption under it, which is not read a second time.
    expect(visitor).toHaveAttribute('aria-labelledby', screen.getByText('Pengunjung A-012').id);
    expect(visitor).not.toHaveAttribute('aria-label');
    expect(visitor).toHaveProperty('muted', true);
    expect(officer).toHaveProperty('muted', true);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    // The officer's video has not arrived yet; the visitor's has.
    expect(screen.getAllByText('Menunggu video…')).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Nyalakan suara' }));
    expect(visitor).toHaveProperty('muted', false);
    expect(officer).toHaveProperty('muted', false);
    expect(screen.getByRole('button', { name: 'Matikan suara' })).toBeInTheDocument();
  });

  test('stop watching leaves the room and closes', async () => {
    answerWith(socket.current!, { 'call:monitor': { ok: true, data: grant } });
    const onClose = vi.fn();
    const { unmount } = render(<MonitorDialog ticket={ticket} onClose={onClose} />);
    await vi.waitFor(() => expect(sessions.FakeMonitorSession.last).not.toBeNull());
    await act(async () => session().joined.resolve());
    await userEvent.click(screen.getByRole('button', { name: 'Berhenti memantau' }));
    expect(onClose).toHaveBeenCalledOnce();
    unmount();
    expect(session().leave).toHaveBeenCalled();
  });

  test('a call that ends while watched says so, and focus moves from sound to stop', async () => {
    answerWith(socket.current!, { 'call:monitor': { ok: true, data: grant } });
    render(<MonitorDialog ticket={ticket} onClose={() => undefined} />);
    await vi.waitFor(() => expect(sessions.FakeMonitorSession.last).not.toBeNull());
    await act(async () => session().joined.resolve());
    screen.getByRole('button', { name: 'Nyalakan suara' }).focus();
    act(() => session().emit('state', 'ended'));
    expect(screen.getByRole('status')).toHaveTextContent('Panggilan telah berakhir.');
    expect(screen.queryByRole('button', { name: 'Nyalakan suara' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Berhenti memantau' })).toHaveFocus();
  });

  test('a call whose room went while joining says it has ended', async () => {
    answerWith(socket.current!, { 'call:monitor': { ok: true, data: grant } });
    render(<MonitorDialog ticket={ticket} onClose={() => undefined} />);
    await vi.waitFor(() => expect(sessions.FakeMonitorSession.last).not.toBeNull());
    await act(async () => session().joined.resolve('ended'));
    expect(screen.getByRole('status')).toHaveTextContent('Panggilan telah berakhir.');
    expect(screen.getByRole('status')).not.toHaveAttribute('aria-busy');
  });

  test('a dropped connection is an error that does not say the call ended', async () => {
    answerWith(socket.current!, { 'call:monitor': { ok: true, data: grant } });
    render(<MonitorDialog ticket={ticket} onClose={() => undefined} />);
    await vi.waitFor(() => expect(sessions.FakeMonitorSession.last).not.toBeNull());
    await act(async () => session().joined.resolve());
    act(() => session().emit('state', 'lost'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Sambungan ke panggilan terputus, tetapi panggilan mungkin masih berlangsung. Tutup, lalu pantau lagi.',
    );
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('button', { name: 'Nyalakan suara' })).not.toBeInTheDocument();
  });

  test.each([
    {
      case: 'the server refuses (the call is over)',
      ack: { ok: false, error: { code: 'NOT_IN_CALL', message: 'no call' } },
      joinFails: false,
      text: 'Panggilan ini sudah berakhir.',
    },
    {
      case: 'the LiveKit server refuses the token',
      ack: { ok: true, data: grant },
      joinFails: true,
      text: 'Video panggilan ini tidak dapat diterima. Periksa jaringan, lalu coba lagi.',
    },
  ])('$case: a clear error, no videos', async ({ ack, joinFails, text }) => {
    answerWith(socket.current!, { 'call:monitor': ack });
    render(<MonitorDialog ticket={ticket} onClose={() => undefined} />);
    if (joinFails) {
      await vi.waitFor(() => expect(sessions.FakeMonitorSession.last).not.toBeNull());
      await act(async () => session().joined.reject(new Error('could not establish signal')));
    }
    await vi.waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text));
    expect(screen.queryByLabelText('Pengunjung A-012')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Berhenti memantau' })).toBeInTheDocument();
  });
});
