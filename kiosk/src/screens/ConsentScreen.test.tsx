import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../lib/commands';
import { kioskStore } from '../store/kiosk-store';
import { mockedCommand, office, resetKiosk, ticket } from '../test/fixtures';
import { ConsentScreen } from './ConsentScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

describe('ConsentScreen', () => {
  beforeEach(() => {
    mockedCommand().mockReset();
    resetKiosk({ phase: 'consent', serviceId: 'svc-job' });
  });

  it('says plainly what the call uses and what is kept', () => {
    render(<ConsentScreen />);

    expect(
      screen.getByRole('heading', { level: 1, name: 'Kamera dan mikrofon' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Video dan suara tidak direkam.')).toBeInTheDocument();
    expect(screen.getByText(/disimpan untuk laporan pelayanan/)).toBeInTheDocument();
    // How long the visit's personal data is kept, from the office's settings.
    expect(
      screen.getByText(
        'Ringkasan kunjungan dan catatan petugas untuk Anda dapat dibuka selama 30 hari, lalu dihapus.',
      ),
    ).toBeInTheDocument();
  });

  it("shows the office's own words on keeping data, in the visitor's language, as text", () => {
    const consentText = {
      id: 'Data dikelola PPID.\n<b>Disimpan</b> 30 hari.',
      en: 'PPID handles the data.',
    };
    resetKiosk({ phase: 'consent', serviceId: 'svc-job', office: { ...office, consentText } });
    const { container } = render(<ConsentScreen />);

    expect(
      screen.getByText(/Data dikelola PPID\.\s+<b>Disimpan<\/b> 30 hari\./),
    ).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.queryByText(/disimpan untuk laporan pelayanan/)).toBeNull();
    expect(screen.getByText('Video dan suara tidak direkam.')).toBeInTheDocument();

    act(() => kioskStore.setState({ language: 'en' }));
    expect(screen.getByText('PPID handles the data.')).toBeInTheDocument();
  });

  it('says that audio leaves the office only where the browser may caption speech', () => {
    const { unmount } = render(<ConsentScreen />);
    expect(screen.queryByText(/pengenalan suara peramban/)).toBeNull();
    unmount();
    resetKiosk({ phase: 'consent', serviceId: 'svc-job', speechLeavesOffice: true });
    render(<ConsentScreen />);
    expect(
      screen.getByText(
        'Teks langsung dari ucapan memakai pengenalan suara peramban: suara Anda dikirim ke layanan di luar kantor ini.',
      ),
    ).toBeInTheDocument();
  });

  it('returns to the start when the visitor does not agree', async () => {
    render(<ConsentScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Tidak setuju' }));

    expect(kioskStore.getState()).toMatchObject({ phase: 'attract', serviceId: null });
    expect(command).not.toHaveBeenCalled();
  });

  it('takes a ticket when the visitor agrees', async () => {
    mockedCommand().mockResolvedValue({ ok: true, data: { ticket: ticket() } });
    render(<ConsentScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Setuju' }));

    expect(command).toHaveBeenCalledWith(
      'ticket:create',
      expect.objectContaining({ serviceId: 'svc-job', language: 'id' }),
    );
    expect(kioskStore.getState().phase).toBe('waiting');
  });

  it('shows a failure in the visitor’s language and offers to try again', async () => {
    mockedCommand().mockResolvedValue({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'slow down' },
    });
    render(<ConsentScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Setuju' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Terlalu banyak permintaan');
    expect(screen.getByRole('button', { name: 'Coba lagi' })).toBeInTheDocument();
  });
});
