import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import ManagerPage from '../../pages/ManagerPage';
import { consoleStore } from '../../store';
import { answerWith } from '../../test/fake-socket';
import { managerUser, queueSnapshot } from '../../test/fixtures';
import { fake, newManagerSocket } from '../../test/manager-socket-mock';
import { resetStore } from '../../test/reset-store';

vi.mock('../../lib/manager-socket', () => import('../../test/manager-socket-mock'));

const HELD = {
  callbacks: [
    { id: 'cb-2', serviceId: 's-1', createdAt: Date.now(), status: 'open', erasedAt: null },
    {
      id: 'cb-1',
      serviceId: 's-1',
      createdAt: Date.now() - 60_000,
      status: 'closed',
      erasedAt: null,
    },
  ],
};

async function openPage(role: 'manager' | 'admin', acks: Record<string, unknown> = {}) {
  consoleStore.getState().signedIn({ ...managerUser, role });
  answerWith(fake(), {
    'queue:snapshot': { ok: true, data: queueSnapshot() },
    'kiosks:status': { ok: true, data: { kiosks: [] } },
    ...acks,
  });
  render(<ManagerPage />);
  await act(async () => fake().serverEmit('connect'));
}

beforeEach(() => {
  resetStore();
  newManagerSocket();
});

describe('personal data on request', () => {
  test('a desk manager does not get the personal-data form, only an administrator', async () => {
    await openPage('manager');
    expect(screen.queryByRole('region', { name: 'Data pribadi' })).toBeNull();
  });

  test('an administrator finds a person’s call-backs and erases the number after confirming', async () => {
    const user = userEvent.setup();
    await openPage('admin', {
      'privacy:find': { ok: true, data: HELD },
      'privacy:erase': { ok: true, data: { erased: 2 } },
    });
    const form = within(await screen.findByRole('region', { name: 'Data pribadi' }));
    await user.type(form.getByRole('textbox', { name: 'Nomor telepon' }), '0812 3456 7890');
    await user.click(form.getByRole('button', { name: 'Cari' }));
    expect(
      await form.findByText('Nomor 0812 3456 7890 tersimpan di 2 permintaan telepon balik:'),
    ).toBeVisible();
    expect(form.getByText(/belum ditelepon/)).toBeVisible();
    expect(fake().emitWithAck).toHaveBeenCalledWith('privacy:find', { phone: '0812 3456 7890' });

    await user.click(form.getByRole('button', { name: 'Hapus nomor ini' }));
    const dialog = screen.getByRole('dialog', { name: 'Hapus nomor telepon ini?' });
    expect(dialog).toHaveAccessibleDescription(/dihapus dari 2 permintaan/);
    await user.click(within(dialog).getByRole('button', { name: 'Ya, hapus' }));

    expect(fake().emitWithAck).toHaveBeenCalledWith('privacy:erase', { phone: '0812 3456 7890' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(form.getByText('Kantor ini tidak menyimpan nomor 0812 3456 7890.')).toBeVisible();
    expect(screen.getByText('Nomor telepon telah dihapus.')).toBeInTheDocument();
  });

  test('a number the server refuses is named as a problem, and nothing is erased', async () => {
    const user = userEvent.setup();
    await openPage('admin', {
      'privacy:find': { ok: false, error: { code: 'BAD_REQUEST', message: 'bad' } },
    });
    const form = within(await screen.findByRole('region', { name: 'Data pribadi' }));
    const phone = form.getByRole('textbox', { name: 'Nomor telepon' });
    await user.type(phone, '12345');
    await user.click(form.getByRole('button', { name: 'Cari' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Permintaan tidak valid');
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(form.queryByRole('button', { name: 'Hapus nomor ini' })).toBeNull();
  });
});
