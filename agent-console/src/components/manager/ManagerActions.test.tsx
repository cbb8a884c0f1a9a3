import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import ManagerPage from '../../pages/ManagerPage';
import { consoleStore } from '../../store';
import { answerWith } from '../../test/fake-socket';
import { fake, newManagerSocket } from '../../test/manager-socket-mock';
import { agentView, managerUser, queueSnapshot } from '../../test/fixtures';
import { resetStore } from '../../test/reset-store';

vi.mock('../../lib/manager-socket', () => import('../../test/manager-socket-mock'));

const OK = { ok: true, data: null };

async function openPage(acks: Record<string, unknown> = {}) {
  answerWith(fake(), {
    'queue:snapshot': {
      ok: true,
      data: queueSnapshot({
        agents: [
          agentView(),
          agentView({ id: 'a-2', displayName: 'Dewi Lestari', status: 'away' }),
        ],
      }),
    },
    'kiosks:status': { ok: true, data: { kiosks: [] } },
    ...acks,
  });
  render(<ManagerPage />);
  await act(async () => fake().serverEmit('connect'));
}

function ticketRow(number: string) {
  const table = screen.getByRole('table', { name: 'Tiket menunggu' });
  const row = within(table).getByRole('rowheader', { name: number }).closest('tr');
  if (!row) throw new Error(`no row ${number}`);
  return within(row);
}

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(managerUser);
  newManagerSocket();
});

describe('manager actions', () => {
  test('prioritising a ticket sends its id and the reason, then says so', async () => {
    const user = userEvent.setup();
    await openPage({ 'ticket:prioritise': OK });
    await user.click(ticketRow('B-014').getByRole('button', { name: 'Prioritaskan' }));
    const dialog = screen.getByRole('dialog', { name: 'Prioritaskan tiket B-014' });
    expect(within(dialog).getByRole('textbox', { name: 'Alasan' })).toHaveFocus();
    await user.keyboard('  kursi roda ');
    await user.click(within(dialog).getByRole('button', { name: 'Prioritaskan' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('ticket:prioritise', {
      ticketId: 't-14',
      reason: 'kursi roda',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Tiket diprioritaskan.')).toBeInTheDocument();
  });

  test('a reason is required before anything is sent', async () => {
    const user = userEvent.setup();
    await openPage();
    await user.click(ticketRow('B-014').getByRole('button', { name: 'Prioritaskan' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Prioritaskan' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Tulis alasannya');
    expect(within(dialog).getByRole('textbox', { name: 'Alasan' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(fake().emitWithAck).not.toHaveBeenCalledWith('ticket:prioritise', expect.anything());
  });

  test('assigning a ticket sends the officer chosen from the list', async () => {
    const user = userEvent.setup();
    await openPage({ 'ticket:assign': OK });
    await user.click(ticketRow('B-014').getByRole('button', { name: 'Tugaskan' }));
    const dialog = screen.getByRole('dialog', { name: 'Tugaskan tiket B-014' });
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Petugas' }),
      'Dewi Lestari (Sedang istirahat)',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Alasan' }), 'lanjutan');
    await user.click(within(dialog).getByRole('button', { name: 'Tugaskan' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('ticket:assign', {
      ticketId: 't-14',
      agentId: 'a-2',
      reason: 'lanjutan',
    });
  });

  test('cancelling asks for confirmation and shows a refusal in the dialog, translated', async () => {
    const user = userEvent.setup();
    await openPage({
      'ticket:cancel': { ok: false, error: { code: 'INVALID_STATE', message: 'in call' } },
    });
    await user.click(ticketRow('C-002').getByRole('button', { name: 'Batalkan' }));
    const dialog = screen.getByRole('dialog', { name: 'Batalkan tiket C-002?' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Alasan' }), 'duplikat');
    await user.click(within(dialog).getByRole('button', { name: 'Ya, batalkan tiket' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('ticket:cancel', {
      ticketId: 't-15',
      reason: 'duplikat',
    });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Tindakan ini tidak bisa dilakukan sekarang.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Kembali' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  test('a ringing ticket can only be cancelled', async () => {
    await openPage();
    const row = ticketRow('C-002');
    expect(row.queryByRole('button', { name: 'Prioritaskan' })).not.toBeInTheDocument();
    expect(row.getByRole('button', { name: 'Batalkan' })).toBeInTheDocument();
  });

  test('changing an officer’s state sends the state and the reason', async () => {
    const user = userEvent.setup();
    await openPage({ 'agent:set': OK });
    const officers = screen.getByRole('table', { name: 'Petugas' });
    const row = within(officers).getByRole('rowheader', { name: 'Dewi Lestari' }).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Ubah status' }));
    const dialog = screen.getByRole('dialog', { name: 'Ubah status Dewi Lestari' });
    await user.click(within(dialog).getByRole('radio', { name: 'Luring' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Alasan' }), 'jam tutup');
    await user.click(within(dialog).getByRole('button', { name: 'Ubah status' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('agent:set', {
      agentId: 'a-2',
      status: 'offline',
      reason: 'jam tutup',
    });
    expect(screen.getByText('Status petugas diubah.')).toBeInTheDocument();
  });

  test('a message to the kiosks needs both languages and is sent trimmed', async () => {
    const user = userEvent.setup();
    await openPage({ 'kiosks:message': OK });
    const form = screen.getByRole('region', { name: 'Kirim pesan ke kios' });
    await user.type(
      within(form).getByRole('textbox', { name: 'Pesan dalam Bahasa Indonesia' }),
      'Layanan tutup pukul 15.00 ',
    );
    await user.click(within(form).getByRole('button', { name: 'Kirim pesan' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('kedua bahasa');
    await user.type(
      within(form).getByRole('textbox', { name: 'Pesan dalam bahasa Inggris' }),
      'Service closes at 15:00',
    );
    await user.click(within(form).getByRole('button', { name: 'Kirim pesan' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('kiosks:message', {
      text: { id: 'Layanan tutup pukul 15.00', en: 'Service closes at 15:00' },
    });
    expect(screen.getByText('Pesan terkirim ke semua kios.')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Pesan dalam bahasa Inggris' })).toHaveValue(
      '',
    );
  });
});
