import type { AdminOffice } from '@loket/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { answerRoutes, sentTo } from '../../test/route-fetch';
import { OfficeSection } from './OfficeSection';

const OFFICE: AdminOffice = {
  id: 'o-1',
  version: 3,
  name: { id: 'Kantor Pusat', en: 'Head Office' },
  timeZone: 'Asia/Jakarta',
  retention: { callbackDays: 30, commentDays: 90, summaryDays: 30 },
  channels: [
    {
      kind: 'whatsapp',
      label: { id: 'WhatsApp', en: 'WhatsApp' },
      value: '0811',
      url: 'https://wa.me/62811',
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('OfficeSection', () => {
  test('an empty name and an unknown time zone are said beside their fields, and nothing is sent', async () => {
    const fetchMock = answerRoutes({ 'GET /api/admin/office': [[200, OFFICE]] });
    const user = userEvent.setup();
    render(<OfficeSection />);
    const name = await screen.findByLabelText('Nama (bahasa Indonesia)');
    await user.clear(name);
    const zone = screen.getByLabelText('Zona waktu');
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(name).toHaveAccessibleDescription('Isian ini wajib diisi.');
    expect(zone).toHaveAccessibleDescription(expect.stringContaining('Zona waktu tidak dikenal.'));
    expect(sentTo(fetchMock, 'PUT /api/admin/office')).toHaveLength(0);
  }, 20_000);

  test('a change someone else made first is said, and the office can be read again', async () => {
    const renamed = { ...OFFICE, version: 4, name: { id: 'Kantor Baru', en: 'New Office' } };
    const fetchMock = answerRoutes({
      'GET /api/admin/office': [
        [200, OFFICE],
        [200, renamed],
      ],
      'PUT /api/admin/office': [[409, { error: { code: 'CHANGED_ELSEWHERE', message: 'x' } }]],
    });
    const user = userEvent.setup();
    render(<OfficeSection />);
    await user.type(await screen.findByLabelText('Nama (bahasa Inggris)'), ' 2');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('telah diubah oleh orang lain');
    expect(sentTo(fetchMock, 'PUT /api/admin/office')[0]).toMatchObject({
      version: 3,
      name: { en: 'Head Office 2' },
    });
    await user.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(await screen.findByDisplayValue('Kantor Baru')).toBeInTheDocument();
  });

  test('a channel is added with its kind and labels in both languages', async () => {
    const fetchMock = answerRoutes({
      'GET /api/admin/office': [[200, OFFICE]],
      'PUT /api/admin/office': [[200, { ...OFFICE, version: 4 }]],
    });
    const user = userEvent.setup();
    render(<OfficeSection />);
    await user.click(await screen.findByRole('button', { name: 'Tambah kanal' }));
    await user.selectOptions(screen.getAllByLabelText('Jenis')[1]!, 'Pusat layanan');
    await user.type(screen.getAllByLabelText('Label (bahasa Indonesia)')[1]!, 'Loket');
    await user.type(screen.getAllByLabelText('Label (bahasa Inggris)')[1]!, 'Desk');
    await user.type(screen.getAllByLabelText('Yang dibaca orang')[1]!, 'Jl. Gatot Subroto');
    await user.type(screen.getAllByLabelText('Isi kode QR')[1]!, 'https://maps.example');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Tersimpan.')).toBeInTheDocument();
    expect(sentTo(fetchMock, 'PUT /api/admin/office')[0]).toMatchObject({
      channels: [
        { kind: 'whatsapp' },
        { kind: 'service_center', label: { id: 'Loket', en: 'Desk' } },
      ],
    });
  }, 20_000);
});
