import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import { agentView, bootstrap, callStart } from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { CallNotes } from './call/CallNotes';
import { StatusControls } from './StatusControls';
import { WrapUpForm } from './WrapUpForm';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../lib/agent-socket', () => ({ agentSocket: () => socket.current }));

function fake(): FakeSocket {
  if (!socket.current) throw new Error('no socket');
  return socket.current;
}

const state = () => consoleStore.getState();

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
  state().bootstrapped(bootstrap());
  state().connectionChanged('connected');
  answerWith(fake(), { 'call:record': { ok: true, data: null } });
});

describe('notes during the call', () => {
  test('are saved with the call, and what was typed carries into its wrap-up', async () => {
    const user = userEvent.setup();
    const call = callStart({ callId: 'call-1', ticketId: 'ticket-1', ticketNumber: 'A-014' });
    state().callStarted(call);
    render(<CallNotes ticketId="ticket-1" />);
    const field = screen.getByRole('textbox', {
      name: 'Catatan untuk kantor (tidak dilihat pengunjung)',
    });
    await user.type(field, 'Butuh akta lahir');
    await user.click(screen.getByRole('button', { name: 'Simpan catatan' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('call:record', {
      ticketId: 'ticket-1',
      notes: 'Butuh akta lahir',
    });
    expect(await screen.findByText('Catatan tersimpan.')).toBeVisible();

    state().callEnded({ callId: 'call-1', reason: 'ended_by_agent' });
    expect(state().lastServed).toMatchObject({ ticketId: 'ticket-1', notes: 'Butuh akta lahir' });
    expect(state().callNotes).toBe('Butuh akta lahir');
  });
});

describe('the wrap-up', () => {
  test('sends the finished notes with the outcome picked from the office’s list', async () => {
    const user = userEvent.setup();
    state().callNotesChanged('Butuh akta lahir');
    render(<WrapUpForm ticketId="ticket-1" ticketNumber="A-014" disposition={null} />);
    expect(screen.getByRole('heading', { name: 'Penyelesaian pengunjung A-014' })).toBeVisible();
    const outcomes = screen.getByRole('group', { name: 'Bagaimana hasil kunjungan?' });
    expect(within(outcomes).getAllByRole('radio')).toHaveLength(5);
    await user.type(screen.getByRole('textbox'), '; kembali Senin');
    await user.click(within(outcomes).getByRole('radio', { name: 'Perlu tindak lanjut' }));
    await user.click(screen.getByRole('button', { name: 'Simpan catatan dan hasil' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('call:record', {
      ticketId: 'ticket-1',
      notes: 'Butuh akta lahir; kembali Senin',
      disposition: 'follow_up',
    });
    expect(await screen.findByText('Catatan dan hasil tersimpan.')).toBeVisible();
  });

  test('shows markup typed in the notes as the text it is', () => {
    state().callNotesChanged('<b>tebal</b><img src=x onerror=alert(1)>');
    const { container } = render(
      <WrapUpForm ticketId="ticket-1" ticketNumber="A-014" disposition="resolved" />,
    );
    expect(screen.getByRole('textbox')).toHaveValue('<b>tebal</b><img src=x onerror=alert(1)>');
    expect(container.querySelector('b, img')).toBeNull();
    expect(screen.getByRole('radio', { name: 'Selesai dilayani' })).toBeChecked();
  });

  test('shows a refusal in the officer’s language', async () => {
    const user = userEvent.setup();
    answerWith(fake(), {
      'call:record': { ok: false, error: { code: 'INVALID_STATE', message: 'over' } },
    });
    render(<WrapUpForm ticketId="ticket-1" ticketNumber="A-014" disposition={null} />);
    await user.click(screen.getByRole('button', { name: 'Simpan catatan dan hasil' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Tindakan ini tidak bisa dilakukan sekarang.',
    );
  });

  test('the hint to finish the notes takes the officer to the notes field', async () => {
    const user = userEvent.setup();
    state().agentUpdated(agentView({ status: 'wrap_up' }));
    state().callStarted(callStart({ callId: 'call-1', ticketId: 'ticket-1' }));
    state().callEnded({ callId: 'call-1', reason: 'ended_by_agent' });
    render(
      <>
        <StatusControls />
        <WrapUpForm ticketId="ticket-1" ticketNumber="A-014" disposition={null} />
      </>,
    );
    await user.click(screen.getByRole('link', { name: 'Ke catatan' }));
    expect(
      screen.getByRole('textbox', { name: 'Catatan untuk kantor (tidak dilihat pengunjung)' }),
    ).toHaveFocus();
  });
});
