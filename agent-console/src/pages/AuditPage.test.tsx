import type { AuditEntryView, AuditLog } from '@loket/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { managerUser } from '../test/fixtures';
import { answerFetch, sentBody } from '../test/fetch-mock';
import { resetStore } from '../test/reset-store';
import AuditPage from './AuditPage';

vi.mock('../lib/save-file', () => ({ saveFile: vi.fn() }));
const { saveFile } = await import('../lib/save-file');

const AT = Date.UTC(2026, 2, 2, 3, 4, 5);

function entry(change: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    id: 'a-1',
    at: AT,
    actorType: 'user',
    actorName: 'Dewi Lestari',
    action: 'ticket.cancelled_by_manager',
    subjectId: 't-1',
    details: { reason: '=HYPERLINK("http://evil")' },
    ...change,
  };
}

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(managerUser);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.mocked(saveFile).mockClear();
});

describe('AuditPage', () => {
  test('shows today’s entries with who made each, and exports them as CSV safe for a spreadsheet', async () => {
    const log: AuditLog = {
      entries: [
        entry(),
        entry({
          id: 'a-2',
          actorType: 'system',
          actorName: null,
          action: 'retention.applied',
          subjectId: null,
          details: { callbackNumbersErased: 2 },
        }),
      ],
      truncated: false,
    };
    const fetchMock = answerFetch(200, log);
    const user = userEvent.setup();
    render(<AuditPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Log audit' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '2 entri, terbaru lebih dulu' });
    expect(sentBody(fetchMock)).toMatchObject({ actorType: null, action: null });
    expect(within(table).getByText('Dewi Lestari')).toBeInTheDocument();
    expect(within(table).getByText('Sistem')).toBeInTheDocument();
    expect(within(table).getByText('callbackNumbersErased: 2')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    const [name, csv] = vi.mocked(saveFile).mock.calls[0]!;
    expect(name).toMatch(/^audit-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
    const lines = csv.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('Waktu;Oleh;Tindakan;Data;Rincian');
    expect(lines[1]).toBe(
      `2026-03-02T03:04:05.000Z;Dewi Lestari;ticket.cancelled_by_manager;t-1;"reason: =HYPERLINK(""http://evil"")"`,
    );
    expect(lines[2]).toBe(
      '2026-03-02T03:04:05.000Z;Sistem;retention.applied;;callbackNumbersErased: 2',
    );
  });

  test('asks again with the filters chosen, and says when only the newest entries are shown', async () => {
    answerFetch(200, { entries: [], truncated: false });
    const user = userEvent.setup();
    render(<AuditPage />);
    expect(await screen.findByText('Tidak ada entri untuk rentang dan filter ini.')).toBeVisible();
    await user.selectOptions(screen.getByLabelText('Oleh'), 'Kios');
    await user.selectOptions(screen.getByLabelText('Tindakan'), 'Data pribadi');
    const fetchMock = answerFetch(200, { entries: [entry()], truncated: true });
    await user.click(screen.getByRole('button', { name: 'Tampilkan' }));
    expect(await screen.findByText(/Hanya 1 entri terbaru yang ditampilkan/)).toBeVisible();
    expect(sentBody(fetchMock)).toMatchObject({ actorType: 'kiosk', action: 'personal_data' });
  });

  test('finds one person’s administrative changes by part of their name', async () => {
    answerFetch(200, { entries: [], truncated: false });
    const user = userEvent.setup();
    render(<AuditPage />);
    await screen.findByText('Tidak ada entri untuk rentang dan filter ini.');
    await user.type(screen.getByLabelText('Siapa (nama)'), ' Dewi Les ');
    await user.selectOptions(screen.getByLabelText('Tindakan'), 'Administrasi');
    const fetchMock = answerFetch(200, { entries: [entry()], truncated: false });
    await user.click(screen.getByRole('button', { name: 'Tampilkan' }));
    await screen.findByRole('table', { name: '1 entri, terbaru lebih dulu' });
    expect(sentBody(fetchMock)).toMatchObject({ who: 'Dewi Les', action: 'admin' });
  });

  test('explains a reversed range before asking, and a refusal in the manager’s language', async () => {
    answerFetch(200, { entries: [], truncated: false });
    const user = userEvent.setup();
    render(<AuditPage />);
    await screen.findByText('Tidak ada entri untuk rentang dan filter ini.');
    fireEvent.change(screen.getByLabelText('Dari tanggal'), { target: { value: '2026-03-05' } });
    const to = screen.getByLabelText('Sampai tanggal');
    fireEvent.change(to, { target: { value: '2026-03-01' } });
    const fetchMock = answerFetch(403, {
      error: { code: 'FORBIDDEN', message: 'role not allowed here' },
    });
    await user.click(screen.getByRole('button', { name: 'Tampilkan' }));
    expect(await screen.findByText(/sebelum/)).toBeVisible();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(to, { target: { value: '2026-03-06' } });
    await user.click(screen.getByRole('button', { name: 'Tampilkan' }));
    expect(await screen.findByText('Akun Anda tidak memiliki akses ke halaman ini.')).toBeVisible();
  });
});
