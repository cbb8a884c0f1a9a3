import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../lib/commands';
import { mockedCommand, resetKiosk, ticket } from '../test/fixtures';
import { WaitingScreen } from '../screens/WaitingScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));
vi.mock('../screens/load-call-screen', () => ({ loadCallScreen: vi.fn(async () => ({})) }));

async function openDialog() {
  const user = userEvent.setup();
  render(<WaitingScreen />);
  await user.click(screen.getByRole('button', { name: 'Sudah datang hari ini?' }));
  const field = await screen.findByRole('textbox', { name: 'Nomor tiket sebelumnya' });
  return { user, field };
}

describe('EarlierTicketDialog', () => {
  beforeEach(() => {
    mockedCommand().mockReset();
    resetKiosk({ phase: 'waiting', serviceId: 'svc-job', ticket: ticket({ position: 3 }) });
  });

  it('sends the typed number with the current ticket, telling what the officer will see', async () => {
    mockedCommand().mockResolvedValue({ ok: true, data: null });
    const { user, field } = await openDialog();
    expect(screen.getByRole('dialog', { name: 'Tiket Anda sebelumnya hari ini' })).toBeVisible();
    expect(field).toHaveAccessibleDescription(/catatan petugas/);

    await user.type(field, 'a003');
    await user.click(screen.getByRole('button', { name: 'Tunjukkan ke petugas' }));

    expect(command).toHaveBeenCalledWith('ticket:linkEarlier', {
      ticketId: ticket().id,
      number: 'A003',
    });
    expect(
      await screen.findByText('Selesai. Petugas akan melihat kunjungan Anda sebelumnya.'),
    ).toHaveAttribute('role', 'status');
  });

  it('answers a wrong number only with "not found", and stops after too many tries', async () => {
    mockedCommand().mockResolvedValueOnce({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no' },
    });
    const { user, field } = await openDialog();
    await user.type(field, 'B-001');
    await user.click(screen.getByRole('button', { name: 'Tunjukkan ke petugas' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Tidak ditemukan\.$/);

    mockedCommand().mockResolvedValueOnce({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'no' },
    });
    await user.click(screen.getByRole('button', { name: 'Tunjukkan ke petugas' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Terlalu banyak percobaan');
    expect(screen.queryByRole('button', { name: 'Tunjukkan ke petugas' })).toBeNull();
  });
});
