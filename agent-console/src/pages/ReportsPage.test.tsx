import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import i18n from '../i18n';
import { consoleStore } from '../store';
import { dailyReport, managerUser, reportFigures } from '../test/fixtures';
import { answerFetch, sentBody } from '../test/fetch-mock';
import { resetStore } from '../test/reset-store';
import ReportsPage from './ReportsPage';

vi.mock('../lib/save-file', () => ({ saveFile: vi.fn() }));
const { saveFile } = await import('../lib/save-file');

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(managerUser);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.mocked(saveFile).mockClear();
});

describe('ReportsPage', () => {
  test('opens on this month by day, and shows the figures in a table with the total last', async () => {
    const fetchMock = answerFetch(200, dailyReport());
    window.history.replaceState(null, '', `${import.meta.env.BASE_URL}reports`);
    render(<ReportsPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Laporan layanan' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Angka per hari' });
    expect(sentBody(fetchMock)).toMatchObject({ groupBy: 'day' });
    const monday = within(table).getByRole('rowheader', { name: 'Sen, 2 Mar 2026' }).closest('tr')!;
    expect(monday).toHaveTextContent('12');
    expect(monday).toHaveTextContent('0:15');
    expect(monday).toHaveTextContent('75%');
    expect(monday).toHaveTextContent('79,17 (B)');
    const rows = within(table).getAllByRole('row');
    expect(rows.at(-1)).toHaveTextContent('Jumlah');
    expect(screen.getByRole('table', { name: /Unsur SKM per hari/ })).toHaveTextContent('3,50');
    expect(screen.getByRole('figure', { name: /Kunjungan/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Laporan' })).toHaveAttribute('aria-current', 'page');
  });

  test('asks again with the range and grouping chosen, by keyboard', async () => {
    const fetchMock = answerFetch(200, dailyReport());
    const user = userEvent.setup();
    render(<ReportsPage />);
    await screen.findByRole('table', { name: 'Angka per hari' });
    const from = screen.getByLabelText('Dari tanggal');
    await user.clear(from);
    await user.type(from, '2026-01-01');
    const to = screen.getByLabelText('Sampai tanggal');
    await user.clear(to);
    await user.type(to, '2026-03-31');
    await user.selectOptions(screen.getByLabelText('Kelompokkan menurut'), 'Bulan');
    answerFetch(200, dailyReport({ groupBy: 'month', rows: [] }));
    await user.click(screen.getByRole('button', { name: 'Tampilkan laporan' }));
    expect(await screen.findByRole('table', { name: 'Angka per bulan' })).toBeInTheDocument();
    expect(sentBody(fetchMock)).toMatchObject({ groupBy: 'day' });
    expect(sentBody(vi.mocked(fetch) as never)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      groupBy: 'month',
    });
  });

  test.each([
    {
      name: 'reversed',
      from: '2026-03-05',
      to: '2026-03-01',
      says: 'Tanggal akhir tidak boleh sebelum tanggal awal.',
    },
    {
      name: 'longer than a year',
      from: '2025-01-01',
      to: '2026-03-01',
      says: 'Satu laporan mencakup paling lama 366 hari.',
    },
  ])('explains a $name range instead of sending it', async ({ from, to, says }) => {
    const fetchMock = answerFetch(200, dailyReport());
    const user = userEvent.setup();
    render(<ReportsPage />);
    await screen.findByRole('table', { name: 'Angka per hari' });
    await user.clear(screen.getByLabelText('Dari tanggal'));
    await user.type(screen.getByLabelText('Dari tanggal'), from);
    await user.clear(screen.getByLabelText('Sampai tanggal'));
    await user.type(screen.getByLabelText('Sampai tanggal'), to);
    await user.click(screen.getByRole('button', { name: 'Tampilkan laporan' }));
    expect(screen.getByText(says)).toBeInTheDocument();
    expect(screen.getByLabelText('Sampai tanggal')).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test('downloads the report as CSV', async () => {
    answerFetch(200, dailyReport());
    const user = userEvent.setup();
    render(<ReportsPage />);
    await user.click(await screen.findByRole('button', { name: 'Unduh CSV' }));
    const [name, text, type] = vi.mocked(saveFile).mock.calls[0]!;
    expect(name).toBe('laporan-day-2026-03-02-2026-03-03.csv');
    expect(type).toBe('text/csv;charset=utf-8');
    expect(text.split('\r\n')[1]).toMatch(/^2026-03-02;12;10;/);
  });

  test('says when the range holds nothing', async () => {
    answerFetch(200, dailyReport({ rows: [], total: reportFigures() }));
    render(<ReportsPage />);
    expect(
      await screen.findByText(
        'Tidak ada kunjungan, panggilan balik, atau survei dalam rentang ini.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  test('says why a report could not be made, in the user’s language', async () => {
    answerFetch(403, { error: { code: 'FORBIDDEN', message: 'role not allowed here' } });
    render(<ReportsPage />);
    expect(
      await screen.findByText('Akun Anda tidak memiliki akses ke halaman ini.'),
    ).toHaveAttribute('role', 'alert');
  });

  test('speaks English when the console does', async () => {
    await i18n.changeLanguage('en');
    answerFetch(200, dailyReport());
    render(<ReportsPage />);
    const table = await screen.findByRole('table', { name: 'Figures by day' });
    expect(within(table).getByRole('rowheader', { name: 'Mon, 2 Mar 2026' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Visits: served, abandoned, cancelled' }),
    ).toBeInTheDocument();
  });
});
