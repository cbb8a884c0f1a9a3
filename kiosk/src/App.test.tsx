import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { IDLE_MS } from './components/InactivityGuard';
import { kioskStore } from './store/kiosk-store';
import type { Phase } from './store/phases';
import { resetKiosk, ticket } from './test/fixtures';

vi.mock('./lib/commands', () => ({
  command: vi.fn(async () => ({ ok: false, error: { code: 'TIMEOUT', message: 'no answer' } })),
}));
vi.mock('./screens/load-call-screen', () => ({
  loadCallScreen: vi.fn(async () => ({ default: () => <h1>call</h1> })),
}));

describe('App', () => {
  beforeEach(() => resetKiosk({ phase: 'attract' }));

  it('has one main landmark and one level-one heading', () => {
    render(<App />);

    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('says the kiosk is closed while out of service, and starts again when put back', async () => {
    resetKiosk({ phase: 'attract', inService: false });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Kiosk ini sedang ditutup' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /sentuh/i })).not.toBeInTheDocument();
    act(() => kioskStore.setState({ inService: true }));
    expect(screen.queryByRole('heading', { name: 'Kiosk ini sedang ditutup' })).toBeNull();
  });

  it('lets a visit under way finish when the kiosk is taken out of service', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket(), inService: false });
    render(<App />);

    expect(screen.queryByRole('heading', { name: 'Kiosk ini sedang ditutup' })).toBeNull();
  });

  it('switches large text, high contrast and the low-reach layout from the accessibility button', async () => {
    render(<App />);

    await userEvent.click(screen.getByRole('button', { name: 'Aksesibilitas' }));
    const dialog = screen.getByRole('dialog', { name: 'Pengaturan aksesibilitas' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Teks besar' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Kontras tinggi' }));
    const lowReach = within(dialog).getByRole('button', {
      name: 'Jangkauan rendah: tombol di bagian bawah',
    });
    expect(lowReach).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(lowReach);

    expect(within(dialog).getByRole('button', { name: 'Teks besar' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(lowReach).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset).toMatchObject({
      textSize: 'large',
      contrast: 'high',
      reach: 'low',
    });

    await userEvent.click(within(dialog).getByRole('button', { name: 'Tutup' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('declares sign language and needs for priority service from the accessibility button', async () => {
    render(<App />);

    await userEvent.click(screen.getByRole('button', { name: 'Aksesibilitas' }));
    const dialog = screen.getByRole('dialog', { name: 'Pengaturan aksesibilitas' });
    const signing = within(dialog).getByRole('button', {
      name: 'Saya menggunakan bahasa isyarat (BISINDO)',
    });
    expect(signing).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(signing);
    const priority = within(dialog).getByRole('group', { name: 'Layanan prioritas' });
    await userEvent.click(within(priority).getByRole('button', { name: 'Lanjut usia' }));

    expect(signing).toHaveAttribute('aria-pressed', 'true');
    expect(within(priority).getByRole('button', { name: 'Lanjut usia' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    for (const name of ['Penyandang disabilitas', 'Ibu hamil']) {
      expect(within(priority).getByRole('button', { name })).toHaveAttribute(
        'aria-pressed',
        'false',
      );
    }
    expect(kioskStore.getState()).toMatchObject({ needs: ['sign_language', 'elderly'] });
  });

  it('names the sign-language and priority toggles in English', async () => {
    resetKiosk({ phase: 'attract', language: 'en' });
    render(<App />);

    await userEvent.click(screen.getByRole('button', { name: 'Accessibility' }));
    const dialog = screen.getByRole('dialog');

    expect(
      within(dialog).getByRole('button', { name: 'I use sign language (BISINDO)' }),
    ).toBeInTheDocument();
    const priority = within(dialog).getByRole('group', { name: 'Priority service' });
    for (const name of ['Person with a disability', 'Elderly', 'Pregnant']) {
      expect(within(priority).getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('never leaves a visitor without a way on when nobody can serve', async () => {
    resetKiosk({
      phase: 'unavailable',
      serviceId: 'svc-job',
      unavailable: { reason: 'no_agent', nextOpening: null },
    });

    render(<App />);

    expect(
      await screen.findByRole('button', { name: 'Minta ditelepon kembali' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Kembali ke awal' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Aksesibilitas' })).toBeInTheDocument();
  });

  it('closes a dialog on Escape', async () => {
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Aksesibilitas' }));

    // Chromium turns Escape into the dialog's close; jsdom needs it spelled out.
    act(() => (screen.getByRole('dialog') as HTMLDialogElement).close());

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a non-blocking banner while the connection is lost', () => {
    resetKiosk({ phase: 'service', connection: 'offline' });

    render(<App />);

    expect(screen.getByText('Koneksi terputus, menyambung kembali…')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Pilih layanan' })).toBeInTheDocument();
  });

  it('loads the call screen lazily', async () => {
    resetKiosk({ phase: 'call' });

    render(<App />);

    expect(await screen.findByRole('heading', { name: 'call' })).toBeInTheDocument();
  });

  describe('after inactivity', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('asks whether the visitor is still there, then resets after 30 s', () => {
      resetKiosk({ phase: 'service', language: 'en' });
      render(<App />);

      act(() => vi.advanceTimersByTime(IDLE_MS));
      expect(screen.getByRole('dialog', { name: 'Are you still there?' })).toBeInTheDocument();
      expect(screen.getByText('The screen will return to the start in 30 seconds.')).toBeVisible();

      act(() => vi.advanceTimersByTime(30_000));
      expect(kioskStore.getState()).toMatchObject({ phase: 'attract', language: 'id' });
    });

    it.each<Phase>(['unavailable', 'callback'])(
      'sends an abandoned %s screen back to the start, asking first',
      (phase) => {
        resetKiosk({
          phase,
          serviceId: 'svc-job',
          unavailable: { reason: 'no_agent', nextOpening: null },
        });
        render(<App />);

        act(() => vi.advanceTimersByTime(IDLE_MS));
        expect(screen.getByRole('dialog', { name: 'Masih di sana?' })).toBeInTheDocument();
        act(() => vi.advanceTimersByTime(30_000));

        expect(kioskStore.getState()).toMatchObject({ phase: 'attract', unavailable: null });
      },
    );

    it('lets the visitor continue', () => {
      resetKiosk({ phase: 'consent', serviceId: 'svc-job' });
      render(<App />);

      act(() => vi.advanceTimersByTime(IDLE_MS));
      fireEvent.click(screen.getByRole('button', { name: 'Ya, lanjutkan' }));
      act(() => vi.advanceTimersByTime(30_000));

      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(kioskStore.getState().phase).toBe('consent');
    });

    it('restarts the wait on every touch', () => {
      resetKiosk({ phase: 'service' });
      render(<App />);

      act(() => vi.advanceTimersByTime(IDLE_MS - 1000));
      fireEvent.pointerDown(screen.getByRole('heading', { level: 1 }));
      act(() => vi.advanceTimersByTime(IDLE_MS - 1000));

      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    it.each<Phase>(['waiting', 'call'])('never times out the %s screen', (phase) => {
      resetKiosk({ phase, ticket: ticket() });
      render(<App />);

      act(() => vi.advanceTimersByTime(10 * IDLE_MS));

      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(kioskStore.getState().phase).toBe(phase);
    });
  });
});
