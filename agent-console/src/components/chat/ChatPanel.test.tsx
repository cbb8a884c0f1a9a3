import type { ChatMessage } from '@loket/shared';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeSocket } from '../../test/fake-socket';
import { resetStore } from '../../test/reset-store';
import { ChatPanel } from './ChatPanel';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../../lib/agent-socket', () => ({ agentSocket: () => socket.current }));

const message = (change: Partial<ChatMessage>): ChatMessage => ({
  id: 'm-1',
  ticketId: 't-1',
  clientId: '00000000-0000-4000-8000-000000000001',
  from: 'kiosk',
  text: 'Saya tuli',
  sentAt: 1,
  readAt: null,
  ...change,
});

let acks: Record<string, unknown>;
const sent = (event: string) =>
  socket.current!.emitWithAck.mock.calls.filter(([name]) => name === event).map(([, p]) => p);

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
  acks = {
    'chat:history': { ok: true, data: { messages: [] } },
    'chat:quickReplies': {
      ok: true,
      data: { replies: [{ id: 'Mohon tunggu sebentar.', en: 'Please wait a moment.' }] },
    },
    'chat:read': { ok: true, data: null },
    'chat:typing': { ok: true, data: null },
  };
  socket.current.emitWithAck.mockImplementation(async (event, payload) => {
    if (event === 'chat:send') {
      const { text, clientId } = payload as { text: string; clientId: string };
      return { ok: true, data: message({ id: 'm-9', from: 'agent', text, clientId, sentAt: 9 }) };
    }
    return acks[event];
  });
});

describe('the console’s chat with the visitor', () => {
  test('counts the visitor’s messages unread while the console is away, and reports them read on return', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    render(<ChatPanel ticketId="t-1" />);
    act(() => socket.current!.serverEmit('chat:message', message({ text: '<img src=x>' })));

    expect(screen.getByRole('heading', { name: /1 belum dibaca/ })).toBeInTheDocument();
    expect(within(screen.getByRole('log')).getByText('<img src=x>')).toBeInTheDocument();
    expect(screen.getByRole('log').querySelector('img')).toBeNull();
    expect(sent('chat:read')).toEqual([]);

    act(() => void window.dispatchEvent(new Event('focus')));
    expect(sent('chat:read')).toEqual([{ ticketId: 't-1', ids: ['m-1'] }]);
    expect(screen.queryByText(/belum dibaca/)).toBeNull();
  });

  test('a quick reply goes out in the visitor’s language with one click', async () => {
    render(<ChatPanel ticketId="t-1" language="en" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Mohon tunggu sebentar.' }));

    expect(sent('chat:send')).toEqual([
      expect.objectContaining({ ticketId: 't-1', text: 'Please wait a moment.' }),
    ]);
    expect(await screen.findByText('Terkirim')).toBeInTheDocument();
    act(() =>
      socket.current!.serverEmit('chat:read', { ticketId: 't-1', ids: ['m-9'], readAt: 10 }),
    );
    expect(screen.getByText('Dibaca')).toBeInTheDocument();
  });

  test('typing tells the visitor, Enter sends, and the visitor typing is shown', async () => {
    render(<ChatPanel ticketId="t-1" />);
    await userEvent.type(screen.getByLabelText('Pesan untuk pengunjung'), 'Silakan{Enter}');

    expect(sent('chat:typing')).toEqual([{ ticketId: 't-1', typing: true }]);
    expect(sent('chat:send')).toEqual([expect.objectContaining({ text: 'Silakan' })]);
    expect(screen.getByLabelText('Pesan untuk pengunjung')).toHaveValue('');
    act(() => socket.current!.serverEmit('chat:typing', { ticketId: 't-1', typing: true }));
    expect(screen.getByText('Pengunjung sedang mengetik…')).toBeInTheDocument();
  });

  test('a refused message is explained and kept in the field', async () => {
    socket.current!.emitWithAck.mockImplementation(async (event) =>
      event === 'chat:send'
        ? { ok: false, error: { code: 'NOT_IN_CALL', message: 'ended' } }
        : acks[event],
    );
    render(<ChatPanel ticketId="t-1" />);
    await userEvent.type(screen.getByLabelText('Pesan untuk pengunjung'), 'Halo{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(/./);
    expect(screen.getByLabelText('Pesan untuk pengunjung')).toHaveValue('Halo');
  });
});
