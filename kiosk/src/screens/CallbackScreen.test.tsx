import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../lib/commands';
import { kioskStore } from '../store/kiosk-store';
import { mockedCommand, resetKiosk } from '../test/fixtures';
import { CallbackScreen } from './CallbackScreen';
import { CallbackSentScreen } from './CallbackSentScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

const stored = { ok: true, data: { callbackId: 'cb-1', phone: '+6281234567890' } } as const;

describe('CallbackScreen', () => {
  beforeEach(() => {
    mockedCommand().mockReset().mockResolvedValue(stored);
    resetKiosk({
      phase: 'callback',
      serviceId: 'svc-job',
      unavailable: { reason: 'no_agent', nextOpening: null },
    });
  });

  it('labels the phone field and the consent box', () => {
    render(<CallbackScreen />);

    expect(
      screen.getByRole('heading', { level: 1, name: 'Minta ditelepon kembali' }),
    ).toBeInTheDocument();
    const phone = screen.getByRole('textbox', { name: 'Nomor telepon' });
    expect(phone).toHaveAttribute('inputmode', 'tel');
    expect(phone).toHaveAccessibleDescription('Nomor Indonesia, misalnya 0812 3456 7890');
    const consent = screen.getByRole('checkbox', {
      name: 'Saya setuju nomor saya disimpan untuk dihubungi kembali',
    });
    expect(consent).not.toBeChecked();
    // How long the number is kept, from the office's settings, read with the box.
    expect(consent).toHaveAccessibleDescription(
      'Nomor Anda disimpan sampai 30 hari setelah kami menghubungi Anda, lalu dihapus.',
    );
  });

  it('names what is missing beside each field and sends nothing', async () => {
    render(<CallbackScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Kirim' }));

    const phone = screen.getByRole('textbox', { name: 'Nomor telepon' });
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/Mohon tulis nomor telepon Anda\./);
    expect(phone).toHaveFocus();
    expect(screen.getByRole('checkbox')).toHaveAccessibleDescription(
      /^Mohon centang persetujuan agar kami dapat menelepon Anda\. Nomor Anda disimpan/,
    );
    expect(command).not.toHaveBeenCalled();
  });

  it('refuses a number that is not Indonesian, in the visitor’s language', async () => {
    resetKiosk({ phase: 'callback', serviceId: 'svc-job', language: 'en' });
    render(<CallbackScreen />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Phone number' }), '+44 20 7946');
    await userEvent.click(screen.getByRole('checkbox'));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveAccessibleDescription(
      /This phone number is not right/,
    );
    expect(command).not.toHaveBeenCalled();
  });

  it('asks for consent before sending a good number', async () => {
    render(<CallbackScreen />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Nomor telepon' }), '081234567890');
    await userEvent.click(screen.getByRole('button', { name: 'Kirim' }));

    expect(screen.getByRole('checkbox')).toHaveFocus();
    expect(screen.getByRole('textbox')).toHaveAttribute('aria-invalid', 'false');
    expect(command).not.toHaveBeenCalled();
  });

  it('takes the number from the on-screen keypad and sends the request', async () => {
    render(<CallbackScreen />);
    const keypad = screen.getByRole('group', { name: 'Tombol angka' });

    for (const key of '0812345678900') {
      await userEvent.click(within(keypad).getByRole('button', { name: key }));
    }
    await userEvent.click(within(keypad).getByRole('button', { name: 'Hapus satu angka' }));
    expect(screen.getByRole('textbox')).toHaveValue('081234567890');

    await userEvent.click(screen.getByRole('checkbox'));
    await userEvent.click(screen.getByRole('button', { name: 'Kirim' }));

    expect(command).toHaveBeenCalledWith(
      'callback:request',
      expect.objectContaining({ phone: '+6281234567890', consent: true, serviceId: 'svc-job' }),
    );
    expect(kioskStore.getState().phase).toBe('callbackSent');
  });

  it('shows a server refusal and keeps what the visitor typed', async () => {
    mockedCommand().mockResolvedValue({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'slow down' },
    });
    render(<CallbackScreen />);

    await userEvent.type(screen.getByRole('textbox'), '0812 3456 7890');
    await userEvent.click(screen.getByRole('checkbox'));
    await userEvent.click(screen.getByRole('button', { name: 'Kirim' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Terlalu banyak permintaan');
    expect(screen.getByRole('textbox')).toHaveValue('0812 3456 7890');
  });

  it('goes back to the reasons and other channels', async () => {
    render(<CallbackScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Kembali' }));

    expect(kioskStore.getState().phase).toBe('unavailable');
  });
});

describe('CallbackSentScreen', () => {
  it('confirms the number that will be called and goes back to the start', async () => {
    resetKiosk({
      phase: 'callbackSent',
      callbackPhone: '+6281234567890',
      needs: ['sign_language'],
    });
    render(<CallbackSentScreen />);

    expect(
      screen.getByRole('heading', { level: 1, name: 'Permintaan terkirim' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/di nomor \+6281234567890/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Kembali ke awal' }));

    expect(kioskStore.getState()).toMatchObject({
      phase: 'attract',
      callbackPhone: null,
      needs: [],
    });
  });
});
