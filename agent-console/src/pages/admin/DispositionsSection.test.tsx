import { DEFAULT_DISPOSITIONS } from '@loket/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { answerRoutes, sentTo } from '../../test/route-fetch';
import { DispositionsSection } from './DispositionsSection';

const TWO = DEFAULT_DISPOSITIONS.slice(0, 2);

afterEach(() => vi.unstubAllGlobals());

describe('DispositionsSection', () => {
  test('a malformed code and a missing name are refused beside their fields, nothing sent', async () => {
    const fetchMock = answerRoutes({
      'GET /api/dispositions': [[200, { dispositions: TWO, version: 1 }]],
    });
    const user = userEvent.setup();
    render(<DispositionsSection />);
    expect(await screen.findByDisplayValue('Selesai dilayani')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tambah hasil' }));
    const code = screen.getByRole('textbox', { name: 'Kode hasil 3' });
    await user.type(code, 'Sudah Ok');
    await user.type(screen.getByRole('textbox', { name: 'Nama bahasa Inggris hasil 3' }), 'Done');
    await user.click(screen.getByRole('button', { name: 'Simpan hasil layanan' }));
    expect(code).toHaveAccessibleDescription(expect.stringContaining('Gunakan huruf kecil'));
    expect(
      screen.getByRole('textbox', { name: 'Nama bahasa Indonesia hasil 3' }),
    ).toHaveAccessibleDescription('Isi teksnya.');
    expect(sentTo(fetchMock, 'PUT /api/dispositions')).toHaveLength(0);
  });

  test('an outcome is added, another renamed, retired and moved, and the list is saved in order', async () => {
    const fetchMock = answerRoutes({
      'GET /api/dispositions': [[200, { dispositions: TWO, version: 1 }]],
      'PUT /api/dispositions': [[200, { dispositions: TWO, version: 1 }]],
    });
    const user = userEvent.setup();
    render(<DispositionsSection />);
    const saved = await screen.findByRole('textbox', { name: 'Kode hasil 1' });
    expect(saved).toHaveAttribute('readonly');
    const name = screen.getByRole('textbox', { name: 'Nama bahasa Inggris hasil 2' });
    await user.clear(name);
    await user.type(name, 'Info given');
    await user.click(screen.getByRole('button', { name: 'Nonaktifkan Selesai dilayani' }));
    await user.click(screen.getByRole('button', { name: 'Turunkan Selesai dilayani' }));
    await user.click(screen.getByRole('button', { name: 'Tambah hasil' }));
    await user.type(screen.getByRole('textbox', { name: 'Kode hasil 3' }), 'passport_ready');
    await user.type(
      screen.getByRole('textbox', { name: 'Nama bahasa Indonesia hasil 3' }),
      'Paspor siap',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Nama bahasa Inggris hasil 3' }),
      'Passport ready',
    );
    await user.click(screen.getByRole('button', { name: 'Simpan hasil layanan' }));
    expect(await screen.findByText('Tersimpan.')).toBeInTheDocument();
    expect(sentTo(fetchMock, 'PUT /api/dispositions')).toEqual([
      {
        // The version read, so that a save over someone else's is refused.
        version: 1,
        dispositions: [
          { id: 'information_given', label: { id: 'Informasi diberikan', en: 'Info given' } },
          { ...TWO[0], retired: true },
          { id: 'passport_ready', label: { id: 'Paspor siap', en: 'Passport ready' } },
        ],
      },
    ]);
  }, 20_000);

  test('removing an outcome visits have is refused in the user’s language, which says to retire it', async () => {
    answerRoutes({
      'GET /api/dispositions': [[200, { dispositions: TWO, version: 1 }]],
      'PUT /api/dispositions': [[409, { error: { code: 'IN_USE', message: 'x' } }]],
    });
    const user = userEvent.setup();
    render(<DispositionsSection />);
    await user.click(await screen.findByRole('button', { name: 'Hapus Selesai dilayani' }));
    await user.click(screen.getByRole('button', { name: 'Simpan hasil layanan' }));
    expect(await screen.findByText(/tidak dapat dihapus\. Nonaktifkan saja/)).toBeInTheDocument();
  });
});
