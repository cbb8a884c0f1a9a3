import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskStore } from '../store/kiosk-store';
import { office, resetKiosk } from '../test/fixtures';
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

  it("shows the office's logo named by the office, and puts its colour on the screen", () => {
    const logoUrl = '/api/offices/office-1/logo?v=abc';
    resetKiosk({ phase: 'attract', office: { ...office, brand: { color: '#7a1f3d', logoUrl } } });
    render(<AttractScreen />);

    expect(screen.getByRole('img', { name: 'Kementerian Ketenagakerjaan' })).toHaveAttribute(
      'src',
      logoUrl,
    );
    expect(screen.getByRole('heading', { level: 1 }).closest('section')).toHaveStyle({
      '--brand': '#7a1f3d',
    });
  });

  it('shows no image and sets no colour for an office without them', () => {
    render(<AttractScreen />);

    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).closest('section')).not.toHaveAttribute(
      'style',
    );
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
