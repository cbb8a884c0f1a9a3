import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskStore } from '../store/kiosk-store';
import { resetKiosk } from '../test/fixtures';
import { AttractScreen } from './AttractScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

describe('AttractScreen', () => {
  beforeEach(() => resetKiosk({ phase: 'attract' }));

  it('shows the office name as the heading and a way to start', () => {
    render(<AttractScreen />);

    expect(
      screen.getByRole('heading', { level: 1, name: 'Kementerian Ketenagakerjaan' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeInTheDocument();
  });

  it('switches the whole screen to English', async () => {
    render(<AttractScreen />);
    const english = screen.getByRole('button', { name: 'English' });
    expect(english).toHaveAttribute('aria-pressed', 'false');
    expect(english).toHaveAttribute('lang', 'en');

    await userEvent.click(english);

    expect(screen.getByRole('heading', { name: 'Ministry of Manpower' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Touch to start' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Bahasa Indonesia' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts a visit when touched', async () => {
    render(<AttractScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Sentuh untuk mulai' }));

    expect(kioskStore.getState().phase).toBe('service');
  });

  it('offers a signing visitor a way in that declares sign language from the first touch', async () => {
    render(<AttractScreen />);

    await userEvent.click(
      screen.getByRole('button', { name: 'Pengguna bahasa isyarat? Mulai dengan BISINDO' }),
    );

    expect(kioskStore.getState()).toMatchObject({ phase: 'service', needs: ['sign_language'] });
  });

  it('tells the next visitor why a ticket was closed', () => {
    resetKiosk({ phase: 'attract', notice: 'abandoned' });

    render(<AttractScreen />);

    expect(screen.getByText(/terlalu lama terputus/)).toBeInTheDocument();
  });
});
