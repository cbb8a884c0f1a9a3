import type { AdminService } from '@loket/shared';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { answerRoutes, sentTo } from '../../test/route-fetch';
import { ServicesSection } from './ServicesSection';

const SERVICE: AdminService = {
  id: 's-1',
  letter: 'A',
  name: { id: 'Informasi publik', en: 'Public information' },
  description: { id: 'Uraian', en: 'Description' },
  icon: 'info',
  requirements: [],
  skills: [],
  active: true,
  version: 2,
  waiting: 3,
};

afterEach(() => vi.unstubAllGlobals());

describe('ServicesSection', () => {
  test('a new service with a bad letter is refused beside the field; a good one is added', async () => {
    const added = { ...SERVICE, id: 's-2', letter: 'D', waiting: 0, skills: ['bisindo'] };
    const fetchMock = answerRoutes({
      'GET /api/admin/services': [
        [200, { services: [SERVICE] }],
        [200, { services: [SERVICE, added] }],
      ],
      'POST /api/admin/services': [[200, added]],
    });
    const user = userEvent.setup();
    render(<ServicesSection />);
    expect(await screen.findByRole('row', { name: /Informasi publik/ })).toBeInTheDocument();
    const letter = screen.getByLabelText('Huruf tiket');
    await user.type(letter, '12');
    await user.click(screen.getByRole('button', { name: 'Tambah layanan' }));
    expect(letter).toHaveAccessibleDescription(expect.stringContaining('Satu huruf kapital'));
    expect(sentTo(fetchMock, 'POST /api/admin/services')).toHaveLength(0);

    await user.clear(letter);
    await user.type(letter, 'd');
    await user.type(screen.getByLabelText('Nama (bahasa Indonesia)'), 'Pelatihan');
    await user.type(screen.getByLabelText('Nama (bahasa Inggris)'), 'Training');
    await user.type(screen.getByLabelText('Uraian singkat (bahasa Indonesia)'), 'Kursus');
    await user.type(screen.getByLabelText('Uraian singkat (bahasa Inggris)'), 'Courses');
    await user.type(screen.getByLabelText('Keahlian yang dibutuhkan tiketnya'), 'bisindo');
    await user.click(screen.getByRole('button', { name: 'Tambah layanan' }));
    expect(await screen.findByText('Tersimpan.')).toBeInTheDocument();
    expect(sentTo(fetchMock, 'POST /api/admin/services')[0]).toMatchObject({
      letter: 'D',
      name: { id: 'Pelatihan', en: 'Training' },
      skills: ['bisindo'],
    });
  }, 20_000);

  test('a letter another service has is said in the user’s language', async () => {
    answerRoutes({
      'GET /api/admin/services': [[200, { services: [SERVICE] }]],
      'PUT /api/admin/services': [[409, { error: { code: 'DUPLICATE', message: 'x' } }]],
    });
    const user = userEvent.setup();
    render(<ServicesSection />);
    await user.click(await screen.findByRole('button', { name: 'Ubah Informasi publik' }));
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sudah ada data lain');
  });

  test('retiring asks first and says the waiting tickets are still served', async () => {
    const fetchMock = answerRoutes({
      'GET /api/admin/services': [
        [200, { services: [SERVICE] }],
        [200, { services: [{ ...SERVICE, active: false, version: 3 }] }],
      ],
      'POST /api/admin/services/retire': [[200, { ...SERVICE, active: false, version: 3 }]],
    });
    const user = userEvent.setup();
    render(<ServicesSection />);
    await user.click(await screen.findByRole('button', { name: 'Hentikan Informasi publik' }));
    const dialog = screen.getByRole('dialog', { name: 'Hentikan Informasi publik?' });
    expect(dialog).toHaveTextContent('3 tiket yang menunggu tetap dilayani');
    expect(sentTo(fetchMock, 'POST /api/admin/services/retire')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Hentikan' }));
    expect(await screen.findByRole('cell', { name: 'Dihentikan' })).toBeInTheDocument();
    expect(sentTo(fetchMock, 'POST /api/admin/services/retire')).toEqual([
      { id: 's-1', version: 2 },
    ]);
  });
});
