import type { AdminKiosk } from '@loket/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../../store';
import { answerWith } from '../../test/fake-socket';
import { kioskStatus, queueSnapshot } from '../../test/fixtures';
import { fake, newManagerSocket } from '../../test/manager-socket-mock';
import { resetStore } from '../../test/reset-store';
import { KiosksSection } from './KiosksSection';

vi.mock('../../lib/manager-socket', () => import('../../test/manager-socket-mock'));

const kiosk: AdminKiosk = {
  id: 'k-1',
  name: 'Kios lobi 1',
  online: true,
  inUse: false,
  lastSeenAt: null,
  revokedAt: null,
  createdAt: 1,
  version: 1,
};

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function answers(...responses: Response[]) {
  const fetchMock = vi.fn<typeof fetch>();
  for (const response of responses) fetchMock.mockResolvedValueOnce(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeEach(() => {
  resetStore();
  newManagerSocket();
});
afterEach(() => vi.unstubAllGlobals());

describe('KiosksSection', () => {
  test('enrolling a kiosk shows its one-time code and the address to open on it', async () => {
    const added = { ...kiosk, id: 'k-2', name: 'Kios lantai 2', online: false };
    answers(
      json(200, { kiosks: [kiosk] }),
      json(200, { kiosk: added, code: 'ABCDEFGH', expiresAt: Date.now() + 60_000 }),
      json(200, { kiosks: [kiosk, added] }),
    );
    render(<KiosksSection />);
    expect(await screen.findByText('Kios lobi 1')).toBeVisible();
    await userEvent.type(screen.getByLabelText('Nama kiosk baru'), 'Kios lantai 2');
    await userEvent.click(screen.getByRole('button', { name: 'Daftarkan kiosk' }));
    expect(await screen.findByText('ABCD-EFGH')).toBeVisible();
    expect(screen.getByText(/\/kiosk\/#pair=ABCDEFGH$/)).toBeVisible();
  });

  test('a kiosk going into use or offline shows at once, without reloading the list', async () => {
    answers(json(200, { kiosks: [kiosk] }));
    answerWith(fake(), {
      'queue:snapshot': { ok: true, data: queueSnapshot() },
      'kiosks:status': {
        ok: true,
        data: { kiosks: [kioskStatus({ id: 'k-1', online: true, inUse: false })] },
      },
    });
    render(<KiosksSection />);
    expect(await screen.findByText(/^Daring/)).toBeVisible();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(consoleStore.getState().kiosks).toHaveLength(1));
    fake().serverEmit('kiosk:status', kioskStatus({ id: 'k-1', online: true, inUse: true }));
    expect(await screen.findByText(/^Sedang dipakai/)).toBeVisible();
    fake().serverEmit('kiosk:status', kioskStatus({ id: 'k-1', online: false, inUse: false }));
    expect(await screen.findByText(/^Luring/)).toBeVisible();
  });

  test('another administrator’s enrolling, renaming or revoking shows at once', async () => {
    const renamed = { ...kiosk, name: 'Kios pintu timur', version: 2 };
    const added = { ...kiosk, id: 'k-2', name: 'Kios lantai 2', online: false };
    answers(json(200, { kiosks: [kiosk] }), json(200, { kiosks: [renamed, added] }));
    render(<KiosksSection />);
    expect(await screen.findByText('Kios lobi 1')).toBeVisible();
    fake().serverEmit('kiosks:changed', {});
    expect(await screen.findByText('Kios pintu timur')).toBeVisible();
    expect(screen.getByText('Kios lantai 2')).toBeVisible();
    expect(screen.queryByText('Kios lobi 1')).toBeNull();
  });

  test('a name another kiosk has is refused next to the field', async () => {
    answers(
      json(200, { kiosks: [kiosk] }),
      json(409, { error: { code: 'DUPLICATE', message: 'taken' } }),
    );
    render(<KiosksSection />);
    await screen.findByText('Kios lobi 1');
    await userEvent.type(screen.getByLabelText('Nama kiosk baru'), 'Kios lobi 1');
    await userEvent.click(screen.getByRole('button', { name: 'Daftarkan kiosk' }));
    expect(await screen.findByText('Sudah ada kiosk dengan nama ini.')).toBeVisible();
  });

  test('revoking asks first and does nothing when the administrator says no', async () => {
    const fetchMock = answers(json(200, { kiosks: [kiosk] }));
    vi.stubGlobal(
      'confirm',
      vi.fn(() => false),
    );
    render(<KiosksSection />);
    await userEvent.click(await screen.findByRole('button', { name: 'Cabut Kios lobi 1' }));
    expect(window.confirm).toHaveBeenCalled();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
