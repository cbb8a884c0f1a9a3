import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../../store';
import { answerWith, FakeSocket } from '../../test/fake-socket';
import { bootstrap, callbackView } from '../../test/fixtures';
import { resetStore } from '../../test/reset-store';
import { CallbacksSection } from './CallbacksSection';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../../lib/agent-socket', () => ({ agentSocket: () => socket.current }));

function fake(): FakeSocket {
  if (!socket.current) throw new Error('no socket');
  return socket.current;
}

async function show() {
  render(<CallbacksSection />);
  return screen.findByRole('table', { name: 'Permintaan terbuka, yang terlama di atas' });
}

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
  consoleStore.getState().bootstrapped(bootstrap());
  consoleStore.getState().connectionChanged('connected');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('call-back requests', () => {
  test('list each open request with a phone link, its service and since when', async () => {
    answerWith(fake(), { 'callback:list': { ok: true, data: { callbacks: [callbackView()] } } });
    const table = await show();
    const link = within(table).getByRole('link', { name: '+6281234567890' });
    expect(link).toHaveAttribute('href', 'tel:+6281234567890');
    const row = link.closest('tr')!;
    expect(row).toHaveTextContent('Pengaduan');
    expect(row).toHaveTextContent('Bahasa Indonesia');
    expect(within(row).getByRole('button', { name: 'Tutup permintaan' })).toBeInTheDocument();
  });

  test('say so when there are none', async () => {
    answerWith(fake(), { 'callback:list': { ok: true, data: { callbacks: [] } } });
    const table = await show();
    expect(within(table).getByText('Tidak ada permintaan telepon balik')).toBeInTheDocument();
  });

  test('closing one asks for the outcome, sends it and fetches the list again', async () => {
    const user = userEvent.setup();
    let open = [callbackView()];
    fake().emitWithAck.mockImplementation(async (event) => {
      if (event === 'callback:list') return { ok: true, data: { callbacks: open } };
      open = [];
      return { ok: true, data: null };
    });
    const table = await show();
    await user.click(within(table).getByRole('button', { name: 'Tutup permintaan' }));
    const dialog = screen.getByRole('dialog', { name: 'Tutup permintaan +6281234567890' });
    await user.click(within(dialog).getByRole('radio', { name: 'Tidak diangkat' }));
    await user.click(within(dialog).getByRole('button', { name: 'Tutup permintaan' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('callback:close', {
      callbackId: 'cb-1',
      outcome: 'no_answer',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(
      await within(table).findByText('Tidak ada permintaan telepon balik'),
    ).toBeInTheDocument();
    expect(consoleStore.getState().notice?.key).toBe('callbackClosed');
  });

  test('a request already closed by someone else shows the translated refusal', async () => {
    const user = userEvent.setup();
    answerWith(fake(), {
      'callback:list': { ok: true, data: { callbacks: [callbackView()] } },
      'callback:close': { ok: false, error: { code: 'INVALID_STATE', message: 'closed' } },
    });
    const table = await show();
    await user.click(within(table).getByRole('button', { name: 'Tutup permintaan' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Terhubung' }));
    await user.click(within(dialog).getByRole('button', { name: 'Tutup permintaan' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Tindakan ini tidak bisa dilakukan sekarang.',
    );
  });

  test('refresh fetches again on the button and every 30 seconds', async () => {
    vi.useFakeTimers();
    answerWith(fake(), { 'callback:list': { ok: true, data: { callbacks: [] } } });
    render(<CallbacksSection />);
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(fake().emitWithAck).toHaveBeenCalledTimes(1);
    await act(async () => vi.advanceTimersByTimeAsync(30_000));
    expect(fake().emitWithAck).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
    await userEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(fake().emitWithAck).toHaveBeenCalledTimes(3);
  });
});
