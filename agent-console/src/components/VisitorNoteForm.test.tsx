import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { bootstrap, callStart } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { VisitorNoteForm } from './VisitorNoteForm';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../lib/agent-socket', () => ({ agentSocket: () => socket.current }));

function fake(): FakeSocket {
  if (!socket.current) throw new Error('no socket');
  return socket.current;
}

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
  consoleStore.getState().bootstrapped(bootstrap());
  consoleStore.getState().connectionChanged('connected');
});

describe('the note to the visitor after a call', () => {
  test('is written in a labelled field and sent for the visit just served', async () => {
    const user = userEvent.setup();
    answerWith(fake(), { 'visit:note': { ok: true, data: null } });
    render(<VisitorNoteForm ticketId="ticket-1" ticketNumber="A-014" />);
    expect(screen.getByRole('heading', { name: 'Catatan untuk pengunjung A-014' })).toBeVisible();
    await user.type(
      screen.getByRole('textbox', { name: 'Catatan untuk pengunjung dan langkah selanjutnya' }),
      'Bawa KTP besok.',
    );
    await user.click(screen.getByRole('button', { name: 'Kirim catatan' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('visit:note', {
      ticketId: 'ticket-1',
      note: 'Bawa KTP besok.',
      complaint: false,
    });
    expect(await screen.findByText('Catatan terkirim ke ringkasan kunjungan.')).toBeVisible();
  });

  test('may be marked as the visitor’s complaint for the manager to forward', async () => {
    const user = userEvent.setup();
    answerWith(fake(), { 'visit:note': { ok: true, data: null } });
    render(<VisitorNoteForm ticketId="ticket-1" ticketNumber="A-014" />);
    await user.type(
      screen.getByRole('textbox', { name: 'Catatan untuk pengunjung dan langkah selanjutnya' }),
      'Pengunjung mengadukan pungutan liar.',
    );
    await user.click(screen.getByRole('checkbox', { name: /berisi pengaduan pengunjung/ }));
    await user.click(screen.getByRole('button', { name: 'Kirim catatan' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('visit:note', {
      ticketId: 'ticket-1',
      note: 'Pengunjung mengadukan pungutan liar.',
      complaint: true,
    });
  });

  test('shows a refusal in the officer’s language', async () => {
    const user = userEvent.setup();
    answerWith(fake(), {
      'visit:note': { ok: false, error: { code: 'FORBIDDEN', message: 'not yours' } },
    });
    render(<VisitorNoteForm ticketId="ticket-1" ticketNumber="A-014" />);
    await user.type(screen.getByRole('textbox'), 'Halo');
    await user.click(screen.getByRole('button', { name: 'Kirim catatan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Akun Anda tidak memiliki akses ke halaman ini.',
    );
  });
});

describe('the visit a note is for', () => {
  test('is the call that just ended, and none after a transfer', () => {
    const state = () => consoleStore.getState();
    const call = callStart({ callId: 'call-1', ticketId: 'ticket-1', ticketNumber: 'A-014' });
    state().callStarted(call);
    state().callEnded({ callId: 'call-1', reason: 'ended_by_visitor' });
    expect(state().lastServed).toMatchObject({ ticketId: 'ticket-1', ticketNumber: 'A-014' });
    state().callStarted({ ...call, callId: 'call-2', ticketId: 'ticket-2' });
    expect(state().lastServed).toBeNull();
    state().callEnded({ callId: 'call-2', reason: 'transferred' });
    expect(state().lastServed).toBeNull();
  });
});
