import type { ComplaintList, ComplaintView } from '@loket/shared';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ComplaintsPanel } from './ComplaintsPanel';

const waiting: ComplaintView = {
  id: 'c-1',
  source: 'survey',
  ticketNumber: 'A-007',
  text: 'Antrean terlalu lama.',
  createdAt: Date.parse('2026-12-01T03:00:00Z'),
  status: 'waiting',
  trackingId: null,
  forwardedAt: null,
  forwardedBy: null,
  rejection: null,
  deadlines: null,
};

const forwarded: ComplaintView = {
  ...waiting,
  id: 'c-2',
  ticketNumber: 'B-012',
  source: 'note',
  text: null,
  status: 'forwarded',
  trackingId: 'LPR0000042',
  forwardedAt: Date.parse('2026-12-01T04:00:00Z'),
  forwardedBy: 'Dewi Lestari',
  deadlines: {
    verification: { due: '2026-12-04', workingDaysLeft: -1 },
    followUp: { due: '2026-12-08', workingDaysLeft: 0 },
    completion: { due: '2026-12-15', workingDaysLeft: 5 },
  },
};

/** A server whose list answers `lists` in turn and whose forwarding answers `forwardAnswer`. */
function serve(lists: ComplaintList[], forwardAnswer?: { status: number; body: unknown }) {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchMock = vi.fn(async (path: string, init?: RequestInit) => {
    if (path === '/api/complaints/forward' && forwardAnswer) {
      return json(forwardAnswer.status, forwardAnswer.body);
    }
    void init;
    return json(200, lists.length > 1 ? lists.shift() : lists[0]);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('the manager’s complaints panel', () => {
  test('a forwarded complaint shows its tracking id and each deadline with the working days left, overdue in words', async () => {
    serve([{ forwardingEnabled: true, complaints: [forwarded] }]);
    render(<ComplaintsPanel />);
    const row = within(await screen.findByRole('row', { name: /B-012/ }));
    expect(row.getByText('LPR0000042')).toBeVisible();
    expect(row.getByText('Diteruskan')).toBeVisible();
    expect(row.getByText('Catatan petugas')).toBeVisible();
    expect(row.getByText('Dihapus setelah masa simpannya')).toBeVisible();
    const overdue = row.getByText('TERLAMBAT 1 hari kerja');
    expect(overdue.closest('li')).toHaveClass('deadline-overdue');
    expect(overdue.closest('li')).toHaveTextContent('Verifikasi (3 hari kerja): 4 Des 2026');
    expect(row.getByText('jatuh tempo hari ini')).toBeVisible();
    expect(row.getByText('sisa 5 hari kerja').closest('li')).not.toHaveClass('deadline-overdue');
    expect(row.queryByRole('button')).toBeNull();
  });

  test('a manager forwards a waiting complaint, and LAPOR!’s refusal is shown with its reason', async () => {
    const user = userEvent.setup();
    const rejected = { ...waiting, status: 'rejected' as const, rejection: 'isi terlalu pendek' };
    const fetchMock = serve(
      [
        { forwardingEnabled: true, complaints: [waiting] },
        { forwardingEnabled: true, complaints: [rejected] },
      ],
      { status: 200, body: rejected },
    );
    render(<ComplaintsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Teruskan ke SP4N-LAPOR!' }));
    expect(await screen.findByText('isi terlalu pendek')).toBeVisible();
    expect(screen.getByText(/Ditolak SP4N-LAPOR!/)).toBeVisible();
    const sent = fetchMock.mock.calls.find(([path]) => path === '/api/complaints/forward');
    expect(JSON.parse(String(sent![1]!.body))).toEqual({ complaintId: 'c-1' });
  });

  test('without LAPOR! configured the panel says forwarding is off and offers no button', async () => {
    serve([{ forwardingEnabled: false, complaints: [waiting] }]);
    render(<ComplaintsPanel />);
    expect(await screen.findByText(/Penerusan ke SP4N-LAPOR! tidak aktif/)).toBeVisible();
    expect(screen.getByText('Antrean terlalu lama.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Teruskan ke SP4N-LAPOR!' })).toBeNull();
  });
});
