import type { AdminHours } from '@loket/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { answerRoutes, sentTo } from '../../test/route-fetch';
import { HoursSection } from './HoursSection';

const DAY = [
  { open: '08:00', close: '12:00' },
  { open: '13:00', close: '16:00' },
];
const HOURS: AdminHours = {
  timeZone: 'Asia/Jakarta',
  version: 5,
  weekly: [[], DAY, DAY, DAY, DAY, DAY, []],
  holidays: [],
  closures: [],
  preview: { open: true, until: '16:00' },
};

afterEach(() => vi.unstubAllGlobals());

describe('HoursSection', () => {
  test('shows how the office stands now, in its time zone', async () => {
    answerRoutes({
      'GET /api/admin/hours': [
        [200, { ...HOURS, preview: { open: false, opens: { weekday: 1, time: '08:00' } } }],
      ],
    });
    render(<HoursSection />);
    expect(await screen.findByText('Tutup, buka Senin 08:00')).toBeInTheDocument();
    expect(screen.getByLabelText('Senin')).toHaveValue('08:00-12:00, 13:00-16:00');
  });

  test('overlapping periods and a period that ends before it starts are said beside their day', async () => {
    const fetchMock = answerRoutes({ 'GET /api/admin/hours': [[200, HOURS]] });
    const user = userEvent.setup();
    render(<HoursSection />);
    const monday = await screen.findByLabelText('Senin');
    await user.clear(monday);
    await user.type(monday, '08:00-12:00, 11:00-16:00');
    const tuesday = screen.getByLabelText('Selasa');
    await user.clear(tuesday);
    await user.type(tuesday, '16:00-08:00');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(monday).toHaveAccessibleDescription('Dua periode saling tumpang tindih.');
    expect(tuesday).toHaveAccessibleDescription('Waktu selesai sebelum waktu mulai.');
    expect(sentTo(fetchMock, 'PUT /api/admin/hours')).toHaveLength(0);
  }, 20_000);

  test('a saved schedule sends the week, holidays and closures, and shows the new preview', async () => {
    const fetchMock = answerRoutes({
      'GET /api/admin/hours': [[200, HOURS]],
      'PUT /api/admin/hours': [
        [200, { ...HOURS, version: 6, preview: { open: true, until: '15:00' } }],
      ],
    });
    const user = userEvent.setup();
    render(<HoursSection />);
    const saturday = await screen.findByLabelText('Sabtu');
    await user.type(saturday, '08:00-11:00');
    await user.type(screen.getByLabelText('Hari libur'), '2099-08-17');
    await user.type(screen.getByLabelText('Penutupan sekali waktu'), '2099-12-24 10:00-11:00');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Buka sekarang sampai 15:00')).toBeInTheDocument();
    expect(sentTo(fetchMock, 'PUT /api/admin/hours')[0]).toEqual({
      version: 5,
      weekly: [[], DAY, DAY, DAY, DAY, DAY, [{ open: '08:00', close: '11:00' }]],
      holidays: ['2099-08-17'],
      closures: [{ date: '2099-12-24', from: '10:00', to: '11:00' }],
    });
  }, 20_000);

  test('a holiday the server finds already past is said in the user’s language', async () => {
    answerRoutes({
      'GET /api/admin/hours': [[200, HOURS]],
      'PUT /api/admin/hours': [[400, { error: { code: 'PAST_DATE', message: 'x' } }]],
    });
    const user = userEvent.setup();
    render(<HoursSection />);
    await user.type(await screen.findByLabelText('Hari libur'), '2020-01-01');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tanggal ini sudah lewat.');
  });
});
