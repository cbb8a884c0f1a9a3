import type { ChatMessage, EventHandlers, kioskContract } from '@loket/shared';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadChatTexts } from '../i18n';
import { mockedCommand, resetKiosk } from '../test/fixtures';
import ChatPanel from './ChatPanel';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));
let heard: EventHandlers<typeof kioskContract.events> = {};
vi.mock('./chat-events', () => ({
  listenToChat: (handlers: typeof heard) => {
    heard = handlers;
    return () => (heard = {});
  },
}));

const message = (change: Partial<ChatMessage>): ChatMessage => ({
  id: 'm-1',
  ticketId: 't-1',
  clientId: '00000000-0000-4000-8000-000000000001',
  from: 'agent',
  text: 'Halo, Anda berikutnya.',
  sentAt: 1,
  readAt: null,
  ...change,
});

describe('the kiosk’s chat with the officer', () => {
  beforeAll(() => loadChatTexts());
  beforeEach(() => {
    resetKiosk({ phase: 'waiting' });
    mockedCommand().mockReset();
    mockedCommand().mockImplementation(async (event, payload) => {
      if (event === 'chat:history') return { ok: true, data: { messages: [] } };
      if (event === 'chat:send') {
        const { text, clientId } = payload as { text: string; clientId: string };
        return { ok: true, data: message({ id: 'm-2', from: 'kiosk', text, clientId, sentAt: 2 }) };
      }
      return { ok: true, data: null };
    });
  });

  it('stays one closed button until the officer writes, then opens and reports the greeting read', async () => {
    render(<ChatPanel ticketId="t-1" />);
    const toggle = await screen.findByRole('button', { name: 'Chat dengan petugas' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('log')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Saya tuli' })).toBeNull();

    act(() => heard['chat:message']?.(message({ text: '<b>Halo</b>' })));

    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    const log = screen.getByRole('log', { name: 'Pesan' });
    expect(within(log).getByText('<b>Halo</b>')).toBeInTheDocument();
    expect(log.querySelector('b')).toBeNull();
    expect(mockedCommand()).toHaveBeenCalledWith('chat:read', { ticketId: 't-1', ids: ['m-1'] });
  });

  it('sends a quick phrase with one tap, shown as sent and then read', async () => {
    render(<ChatPanel ticketId="t-1" startOpen />);
    await userEvent.click(screen.getByRole('button', { name: 'Saya tuli' }));

    expect(mockedCommand()).toHaveBeenCalledWith(
      'chat:send',
      expect.objectContaining({ ticketId: 't-1', text: 'Saya tuli' }),
    );
    const log = screen.getByRole('log');
    expect(within(log).getByText('Terkirim')).toBeInTheDocument();
    act(() => heard['chat:read']?.({ ticketId: 't-1', ids: ['m-2'], readAt: 5 }));
    expect(within(log).getByText('Dibaca')).toBeInTheDocument();
  });

  it('writes a message on the on-screen keyboard and sends it', async () => {
    render(<ChatPanel ticketId="t-1" startOpen />);
    await userEvent.click(screen.getByRole('button', { name: 'Tulis pesan' }));
    const keyboard = await screen.findByRole('group', { name: 'Papan ketik' });
    // The keys are drawn once the keyboard is on screen, not with it.
    await within(keyboard).findByRole('button', { name: 'h' });
    for (const key of ['h', 'a', 'i']) {
      await userEvent.click(within(keyboard).getByRole('button', { name: key }));
    }
    expect(screen.getByLabelText('Pesan Anda')).toHaveValue('hai');
    await userEvent.click(screen.getByRole('button', { name: 'Kirim' }));

    expect(mockedCommand()).toHaveBeenCalledWith('chat:typing', { ticketId: 't-1', typing: true });
    expect(mockedCommand()).toHaveBeenCalledWith(
      'chat:send',
      expect.objectContaining({ text: 'hai' }),
    );
    expect(screen.getByLabelText('Pesan Anda')).toHaveValue('');
  });

  it('says in words when sending was refused for going too fast', async () => {
    mockedCommand().mockImplementation(async (event) =>
      event === 'chat:send'
        ? { ok: false, error: { code: 'RATE_LIMITED', message: 'slow down' } }
        : { ok: true, data: { messages: [] } },
    );
    render(<ChatPanel ticketId="t-1" startOpen />);
    await userEvent.click(screen.getByRole('button', { name: 'Mohon ulangi' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Terlalu banyak pesan sekaligus');
  });

  it('opens on a tap, closes on another, and opens again when the officer writes', async () => {
    mockedCommand().mockImplementation(async (event) =>
      event === 'chat:history'
        ? { ok: true, data: { messages: [message({ from: 'kiosk', readAt: 3 })] } }
        : { ok: true, data: null },
    );
    render(<ChatPanel ticketId="t-1" />);
    const toggle = screen.getByRole('button', { name: 'Chat dengan petugas' });
    await userEvent.click(toggle);
    expect(within(screen.getByRole('log')).getByText('Dibaca')).toBeInTheDocument();

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('log')).toBeNull();

    act(() => heard['chat:message']?.(message({ id: 'm-3', text: 'Masih di sana?' })));
    expect(within(screen.getByRole('log')).getByText('Masih di sana?')).toBeInTheDocument();
    expect(mockedCommand()).toHaveBeenCalledWith('chat:read', { ticketId: 't-1', ids: ['m-3'] });
  });

  it('tells the visitor when the officer is typing', () => {
    render(<ChatPanel ticketId="t-1" startOpen />);
    act(() => heard['chat:typing']?.({ ticketId: 't-1', typing: true }));
    expect(screen.getByText('Petugas sedang mengetik…')).toBeInTheDocument();
  });
});
