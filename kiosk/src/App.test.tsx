import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { IDLE_MS } from './components/InactivityGuard';
import { kioskStore, type Phase } from './store/kiosk-store';
import { resetKiosk, ticket } from './test/fixtures';

vi.mock('./lib/socket', () => ({ command: vi.fn() }));
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

  it('switches large text and high contrast from the accessibility button', async () => {
    render(<App />);

    await userEvent.click(screen.getByRole('button', { name: 'Aksesibilitas' }));
    const dialog = screen.getByRole('dialog', { name: 'Pengaturan aksesibilitas' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Teks besar' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Kontras tinggi' }));

    expect(within(dialog).getByRole('button', { name: 'Teks besar' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(document.documentElement.dataset).toMatchObject({ textSize: 'large', contrast: 'high' });

    await userEvent.click(within(dialog).getByRole('button', { name: 'Tutup' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
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
