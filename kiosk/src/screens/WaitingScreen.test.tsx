import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../lib/commands';
import { kioskStore } from '../store/kiosk-store';
import { applyTicketUpdate } from '../store/server-events';
import { mockedCommand, resetKiosk, ticket } from '../test/fixtures';
import { WaitingScreen } from './WaitingScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));
vi.mock('./load-call-screen', () => ({ loadCallScreen: vi.fn(async () => ({})) }));

describe('WaitingScreen', () => {
  beforeEach(() => {
    mockedCommand().mockReset();
    resetKiosk({ phase: 'waiting', serviceId: 'svc-job', ticket: ticket({ position: 3 }) });
  });

  it('shows the ticket number and the position in a live region', () => {
    render(<WaitingScreen />);

    expect(
      screen.getByRole('heading', { level: 1, name: 'Nomor antrian Anda' }),
    ).toBeInTheDocument();
    expect(screen.getByText('B-014')).toBeInTheDocument();
    const status = screen.getAllByRole('status').find((el) => el.textContent?.includes('Posisi'));
    expect(status).toHaveTextContent('Posisi Anda: 3');
  });

  it('lists what the service requires, for the visitor to have ready while waiting', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket({ serviceId: 'svc-info' }) });
    render(<WaitingScreen />);

    const list = screen.getByRole('list');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Siapkan persyaratan ini' }),
    ).toBeVisible();
    expect(within(list).getByText('KTP')).toBeVisible();
  });

  it('shows no checklist for a service that asks for nothing', () => {
    render(<WaitingScreen />);

    expect(screen.queryByRole('heading', { name: 'Siapkan persyaratan ini' })).toBeNull();
  });

  it('offers a QR code that takes the wait to the visitor’s phone', async () => {
    render(<WaitingScreen />);

    expect(
      await screen.findByRole('img', { name: 'Kode QR untuk memantau antrian Anda di ponsel' }),
    ).toBeInTheDocument();
  });

  it('shows no phone code for a ticket without a link', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket({ visitToken: null }) });
    render(<WaitingScreen />);

    expect(screen.queryByRole('img', { name: /Kode QR/ })).toBeNull();
  });

  it.each([
    {
      wait: { minMs: 5 * 60_000, maxMs: 10 * 60_000 },
      expected: 'Perkiraan waktu tunggu: 5–10 menit',
    },
    {
      wait: { minMs: 0, maxMs: 5 * 60_000 },
      expected: 'Perkiraan waktu tunggu: kurang dari 5 menit',
    },
    { wait: null, expected: 'Perkiraan waktu tunggu belum tersedia' },
  ])('announces the estimated wait as "$expected"', ({ wait, expected }) => {
    resetKiosk({ phase: 'waiting', ticket: ticket({ wait }) });

    render(<WaitingScreen />);

    const status = screen.getAllByRole('status').find((el) => el.textContent?.includes('Posisi'));
    expect(status).toHaveTextContent(expected);
  });

  it.each([
    { wait: { minMs: 5 * 60_000, maxMs: 10 * 60_000 }, expected: 'Estimated wait: 5–10 minutes' },
    { wait: { minMs: 0, maxMs: 60_000 }, expected: 'Estimated wait: less than 1 minute' },
    { wait: null, expected: 'No wait estimate yet' },
  ])('says the estimated wait in English as "$expected"', ({ wait, expected }) => {
    resetKiosk({ phase: 'waiting', language: 'en', ticket: ticket({ wait }) });

    render(<WaitingScreen />);

    expect(screen.getByText(expected)).toBeInTheDocument();
  });

  it('updates the estimate when the server sends a new one', () => {
    render(<WaitingScreen />);

    act(() => applyTicketUpdate(ticket({ wait: { minMs: 0, maxMs: 3 * 60_000 } })));

    expect(screen.getByText('Perkiraan waktu tunggu: kurang dari 3 menit')).toBeInTheDocument();
  });

  it('shows the declared sign language and priority needs of the ticket', () => {
    resetKiosk({
      phase: 'waiting',
      ticket: ticket({ needs: ['sign_language', 'elderly', 'pregnant'] }),
    });

    render(<WaitingScreen />);

    expect(
      screen.getByText('Petugas juru bahasa isyarat (BISINDO) akan melayani Anda.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Layanan prioritas: Lanjut usia dan Ibu hamil')).toBeInTheDocument();
  });

  it('says calmly when the camera cannot open, keeping the ticket', async () => {
    render(<WaitingScreen />);

    expect(await screen.findByText(/Kamera tidak dapat dibuka/)).toBeInTheDocument();
    expect(screen.getByText('B-014')).toBeInTheDocument();
  });

  it('says when an officer is answering', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket({ status: 'offered', position: null }) });

    render(<WaitingScreen />);

    expect(screen.getByText('Petugas sedang menjawab…')).toBeInTheDocument();
  });

  it('asks for confirmation before cancelling, and keeps the ticket on "no"', async () => {
    render(<WaitingScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Batalkan antrian' }));
    const dialog = screen.getByRole('dialog', { name: 'Batalkan antrian?' });
    expect(command).not.toHaveBeenCalled();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Tidak, tetap menunggu' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(command).not.toHaveBeenCalled();
    expect(kioskStore.getState().phase).toBe('waiting');
  });

  it('cancels the ticket once confirmed and returns to the start', async () => {
    mockedCommand().mockResolvedValue({
      ok: true,
      data: { ticket: ticket({ status: 'cancelled' }) },
    });
    render(<WaitingScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Batalkan antrian' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ya, batalkan' }));

    expect(command).toHaveBeenCalledWith('ticket:cancel', { ticketId: 'ticket-1' });
    expect(kioskStore.getState()).toMatchObject({ phase: 'attract', ticket: null });
  });
});
