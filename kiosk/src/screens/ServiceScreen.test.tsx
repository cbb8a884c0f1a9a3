import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskStore } from '../store/kiosk-store';
import { resetKiosk } from '../test/fixtures';
import { ServiceScreen } from './ServiceScreen';

vi.mock('../lib/socket', () => ({ command: vi.fn() }));

describe('ServiceScreen', () => {
  beforeEach(() => resetKiosk({ phase: 'service' }));

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

  it('goes back to the start', async () => {
    render(<ServiceScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Kembali' }));

    expect(kioskStore.getState().phase).toBe('attract');
  });
});
