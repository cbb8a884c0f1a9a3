import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../../store';
import { answerWith, FakeSocket } from '../../test/fake-socket';
import { bootstrap, callStart } from '../../test/fixtures';
import { resetStore } from '../../test/reset-store';
import { CallControls } from './CallControls';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../../lib/agent-socket', () => ({ agentSocket: () => socket.current }));

const state = () => consoleStore.getState();

beforeEach(() => {
  resetStore();
  socket.current = new FakeSocket();
  state().bootstrapped(bootstrap({ call: callStart() }));
});

describe('transferring a call', () => {
  test('Transfer opens a dialog listing the office services; confirming moves the visitor', async () => {
    answerWith(socket.current!, { 'call:transfer': { ok: true, data: null } });
    const user = userEvent.setup();
    render(<CallControls callId="c-1" />);
    await user.click(screen.getByRole('button', { name: 'Alihkan' }));
    const dialog = screen.getByRole('dialog', { name: 'Alihkan panggilan' });
    const choices = within(dialog).getByRole('group', { name: 'Layanan tujuan' });
    expect(
      within(choices)
        .getAllByRole('radio')
        .map((radio) => radio.parentElement?.textContent),
    ).toEqual(['Layanan informasi publik', 'Pengaduan']);
    expect(within(choices).getByRole('radio', { name: 'Layanan informasi publik' })).toHaveFocus();
    await user.click(within(choices).getByRole('radio', { name: 'Pengaduan' }));
    await user.click(within(dialog).getByRole('button', { name: 'Alihkan' }));
    expect(socket.current!.emitWithAck).toHaveBeenCalledWith('call:transfer', {
      callId: 'c-1',
      serviceId: 'complaints',
    });
    expect(state()).toMatchObject({ call: null, notice: { key: 'callTransferred' } });
  });

  test('nothing is sent until a service is chosen', async () => {
    const user = userEvent.setup();
    render(<CallControls callId="c-1" />);
    await user.click(screen.getByRole('button', { name: 'Alihkan' }));
    const dialog = screen.getByRole('dialog', { name: 'Alihkan panggilan' });
    await user.click(within(dialog).getByRole('button', { name: 'Alihkan' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pilih salah satu');
    expect(socket.current!.emitWithAck).not.toHaveBeenCalled();
  });

  test('a refused transfer keeps the call and shows the translated error in the dialog', async () => {
    answerWith(socket.current!, {
      'call:transfer': { ok: false, error: { code: 'NOT_IN_CALL', message: 'over' } },
    });
    const user = userEvent.setup();
    render(<CallControls callId="c-1" />);
    await user.click(screen.getByRole('button', { name: 'Alihkan' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Pengaduan' }));
    await user.click(within(dialog).getByRole('button', { name: 'Alihkan' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Panggilan ini sudah berakhir.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
