import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskStore, type KioskState } from '../store/kiosk-store';
import { resetKiosk } from '../test/fixtures';
import { UnavailableScreen } from './UnavailableScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

// Monday 2 March 2026, 08:00 WIB.
const MONDAY_EIGHT = Date.UTC(2026, 2, 2, 1, 0);

function showUnavailable(change: Partial<KioskState> = {}) {
  resetKiosk({
    phase: 'unavailable',
    serviceId: 'svc-job',
    unavailable: { reason: 'no_agent', nextOpening: null },
    ...change,
  });
  render(<UnavailableScreen />);
}

describe('UnavailableScreen', () => {
  beforeEach(() => resetKiosk({ phase: 'unavailable' }));

  it('says outside hours when the office opens again, in WIB', () => {
    showUnavailable({ unavailable: { reason: 'outside_hours', nextOpening: MONDAY_EIGHT } });

    expect(
      screen.getByRole('heading', { level: 1, name: 'Layanan belum tersedia' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Layanan: Penempatan kerja')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Saat ini di luar jam layanan. Kami buka kembali Senin, 2 Maret pukul 08.00 WIB.',
      ),
    ).toBeInTheDocument();
  });

  it('says the next opening in English for an English visitor', () => {
    showUnavailable({
      language: 'en',
      unavailable: { reason: 'outside_hours', nextOpening: MONDAY_EIGHT },
    });

    expect(
      screen.getByRole('heading', { level: 1, name: 'Service not available right now' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/We open again on Monday,? 2 March.* 08:00 WIB\./)).toBeInTheDocument();
  });

  it('says plainly that no officer can serve now', () => {
    showUnavailable();

    expect(screen.getByText('Belum ada petugas yang dapat melayani saat ini.')).toBeInTheDocument();
  });

  it.each([
    {
      language: 'id' as const,
      text: 'Kami sedang sangat sibuk. Silakan coba lagi dalam 15 detik, atau minta ditelepon kembali.',
    },
    {
      language: 'en' as const,
      text: 'We are very busy right now. Please try again in 15 seconds, or request a call-back.',
    },
  ])(
    'says when a busy server takes tickets again, and offers a call-back ($language)',
    ({ language, text }) => {
      showUnavailable({
        language,
        unavailable: { reason: 'busy', nextOpening: Date.now() + 14_500 },
      });

      expect(screen.getByText(text)).toBeInTheDocument();
      expect(
        screen.getByRole('button', {
          name: language === 'id' ? /telepon/i : 'Request a call-back',
        }),
      ).toBeInTheDocument();
    },
  );

  it('mentions the missing signing officer for a visitor who uses sign language', () => {
    showUnavailable({ needs: ['sign_language'], onDuty: [] });

    expect(
      screen.getByText(
        'Belum ada petugas juru bahasa isyarat (BISINDO) yang dapat melayani saat ini.',
      ),
    ).toBeInTheDocument();
  });

  it('shows each other channel as a QR code with its name and readable value', () => {
    showUnavailable();

    const list = screen.getByRole('list');
    expect(list.children).toHaveLength(2);
    expect(screen.getByRole('img', { name: 'Kode QR untuk WhatsApp' })).toBeInTheDocument();
    expect(screen.getByText('0811-9521-150')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Kode QR untuk Situs PPID' })).toBeInTheDocument();
    expect(screen.getByText('ppid.kemnaker.go.id')).toBeInTheDocument();
  });

  it('offers a call-back', async () => {
    showUnavailable();

    await userEvent.click(screen.getByRole('button', { name: 'Minta ditelepon kembali' }));

    expect(kioskStore.getState().phase).toBe('callback');
  });

  it('goes back to the start, forgetting the visitor', async () => {
    showUnavailable({ needs: ['sign_language', 'elderly'] });

    await userEvent.click(screen.getByRole('button', { name: 'Kembali ke awal' }));

    expect(kioskStore.getState()).toMatchObject({
      phase: 'attract',
      serviceId: null,
      unavailable: null,
      needs: [],
    });
  });
});
