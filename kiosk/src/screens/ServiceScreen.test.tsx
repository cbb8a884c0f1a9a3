import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskStore } from '../store/kiosk-store';
import { availability, mockedCommand, resetKiosk } from '../test/fixtures';
import { ServiceScreen } from './ServiceScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

describe('ServiceScreen', () => {
  beforeEach(() => {
    mockedCommand().mockReset().mockResolvedValue(availability());
    resetKiosk({ phase: 'service' });
  });

  it('names each tile by its service and describes it', () => {
    render(<ServiceScreen />);

    expect(screen.getByRole('heading', { level: 1, name: 'Pilih layanan' })).toBeInTheDocument();
    const tile = screen.getByRole('button', { name: 'Penempatan kerja' });
    expect(tile).toHaveAccessibleDescription('Lowongan dan penempatan');
    expect(screen.getByRole('button', { name: 'Informasi publik' })).toBeInTheDocument();
  });

  it('names the tiles in the visitor’s language', () => {
    resetKiosk({ phase: 'service', language: 'en' });

    render(<ServiceScreen />);

    expect(screen.getByRole('heading', { name: 'Choose a service' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Job placement' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back' })).toBeInTheDocument();
  });

  it('asks for consent once a service is chosen', async () => {
    render(<ServiceScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Penempatan kerja' }));

    expect(kioskStore.getState()).toMatchObject({ phase: 'consent', serviceId: 'svc-job' });
  });

  it('says it is checking the service while the server answers', async () => {
    mockedCommand().mockImplementation(() => new Promise(() => {}));
    render(<ServiceScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Penempatan kerja' }));

    expect(screen.getByText('Memeriksa ketersediaan layanan…')).toBeInTheDocument();
  });

  it('offers BISINDO on the screen itself, as a toggle that declares sign language', async () => {
    render(<ServiceScreen />);

    const bisindo = screen.getByRole('button', { name: /BISINDO/ });
    expect(bisindo).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(bisindo);

    expect(bisindo).toHaveAttribute('aria-pressed', 'true');
    expect(kioskStore.getState().needs).toEqual(['sign_language']);
  });

  it('says when an officer who signs BISINDO is on duty', async () => {
    mockedCommand().mockResolvedValue(availability({ onDuty: ['sign_language'] }));

    render(<ServiceScreen />);

    expect(
      await screen.findByText('Petugas juru bahasa isyarat (BISINDO) sedang bertugas.'),
    ).toBeInTheDocument();
  });

  it('says nothing about signers when none is on duty', async () => {
    render(<ServiceScreen />);

    await screen.findByRole('heading', { name: 'Pilih layanan' });
    expect(screen.queryByText(/juru bahasa isyarat/)).not.toBeInTheDocument();
  });

  it('goes back to the start', async () => {
    render(<ServiceScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Kembali' }));

    expect(kioskStore.getState().phase).toBe('attract');
  });
});
