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
  brandColor: null,
  consentText: { id: '', en: '' },
  logoUrl: null,
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

  test('a colour white text cannot be read on is refused beside its field, and nothing is sent', async () => {
    const fetchMock = answerRoutes({ 'GET /api/admin/office': [[200, OFFICE]] });
    const user = userEvent.setup();
    render(<OfficeSection />);
    const color = await screen.findByLabelText('Warna kantor');
    await user.type(color, '#ffcc00');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(color).toHaveAccessibleDescription(expect.stringContaining('sulit dibaca'));
    expect(sentTo(fetchMock, 'PUT /api/admin/office')).toHaveLength(0);
  }, 20_000);

  test('a readable colour and the consent text in both languages are saved with the office', async () => {
    const fetchMock = answerRoutes({
      'GET /api/admin/office': [[200, OFFICE]],
      'PUT /api/admin/office': [[200, { ...OFFICE, version: 4 }]],
    });
    const user = userEvent.setup();
    render(<OfficeSection />);
    await user.type(await screen.findByLabelText('Warna kantor'), '#7a1f3d');
    expect(screen.getByText('Teks putih di atas warna ini')).toBeInTheDocument();
    expect(screen.getByText(/komentar survei 90 hari/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Teks (bahasa Indonesia)'), 'Data dikelola PPID.');
    await user.type(screen.getByLabelText('Teks (bahasa Inggris)'), 'PPID handles the data.');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Tersimpan.')).toBeInTheDocument();
    expect(sentTo(fetchMock, 'PUT /api/admin/office')[0]).toMatchObject({
      brandColor: '#7a1f3d',
      consentText: { id: 'Data dikelola PPID.', en: 'PPID handles the data.' },
    });
  }, 20_000);

  test('a logo file larger than 256 KB is refused in words without being sent', async () => {
    const fetchMock = answerRoutes({ 'GET /api/admin/office': [[200, OFFICE]] });
    const user = userEvent.setup();
    render(<OfficeSection />);
    const big = new File([new Uint8Array(300 * 1024)], 'logo.png', { type: 'image/png' });
    await user.upload(await screen.findByLabelText('Logo'), big);
    expect(await screen.findByText(/Logo lebih besar dari 256 KB/)).toBeInTheDocument();
    expect(sentTo(fetchMock, 'PUT /api/admin/office/logo')).toHaveLength(0);
  });

  test('a chosen logo is sent as base64 with the version, the refusal of a non-image is said, and a logo can be removed', async () => {
    const withLogo = { ...OFFICE, version: 5, logoUrl: '/api/offices/o-1/logo?v=abc' };
    const fetchMock = answerRoutes({
      'GET /api/admin/office': [[200, OFFICE]],
      'PUT /api/admin/office/logo': [
        [415, { error: { code: 'NOT_AN_IMAGE', message: 'x' } }],
        [200, withLogo],
        [200, { ...OFFICE, version: 6 }],
      ],
    });
    const user = userEvent.setup();
    render(<OfficeSection />);
    const input = await screen.findByLabelText('Logo');
    await user.upload(input, new File(['hello'], 'note.png', { type: 'image/png' }));
    expect(
      await screen.findByText('Berkas itu bukan gambar PNG, JPEG, atau WebP.'),
    ).toBeInTheDocument();
    expect(sentTo(fetchMock, 'PUT /api/admin/office/logo')[0]).toEqual({
      version: 3,
      image: btoa('hello'),
    });
    await user.upload(input, new File(['png'], 'logo.png', { type: 'image/png' }));
    expect(await screen.findByRole('img', { name: 'Logo saat ini' })).toHaveAttribute(
      'src',
      withLogo.logoUrl,
    );
    await user.click(screen.getByRole('button', { name: 'Hapus logo' }));
    expect(await screen.findByText(/Belum ada logo/)).toBeInTheDocument();
    expect(sentTo(fetchMock, 'PUT /api/admin/office/logo')[2]).toEqual({ version: 5, image: null });
  }, 20_000);
});
