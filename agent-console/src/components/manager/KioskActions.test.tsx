import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import ManagerPage from '../../pages/ManagerPage';
import { consoleStore } from '../../store';
import { answerWith } from '../../test/fake-socket';
import { fake, newManagerSocket } from '../../test/manager-socket-mock';
import { kioskStatus, managerUser, queueSnapshot } from '../../test/fixtures';
import { resetStore } from '../../test/reset-store';

vi.mock('../../lib/manager-socket', () => import('../../test/manager-socket-mock'));

const OK = { ok: true, data: null };
const LOBBY = kioskStatus({ lastSeenAt: Date.now(), healthAt: Date.now() });

async function openPage(acks: Record<string, unknown> = {}) {
  answerWith(fake(), {
    'queue:snapshot': { ok: true, data: queueSnapshot() },
    'kiosks:status': { ok: true, data: { kiosks: [LOBBY] } },
    ...acks,
  });
  render(<ManagerPage />);
  await act(async () => fake().serverEmit('connect'));
}

function kioskRow(name: string) {
  const table = screen.getByRole('table', { name: 'Kiosk' });
  const row = within(table).getByRole('rowheader', { name }).closest('tr');
  if (!row) throw new Error(`no row ${name}`);
  return within(row);
}

beforeEach(() => {
  resetStore();
  consoleStore.getState().signedIn(managerUser);
  newManagerSocket();
});

describe('kiosk care on the dashboard', () => {
  test('each kiosk shows how it is, and a broken camera says so in words', async () => {
    await openPage();
    expect(await screen.findByText('Siap')).toBeVisible();
    const broken = {
      ...LOBBY,
      health: { ...LOBBY.health!, devices: { ...LOBBY.health!.devices, camera: 'missing' } },
    };
    await act(async () => fake().serverEmit('kiosk:status', broken));
    expect(kioskRow('Kios lobi 1').getByText('Bermasalah')).toBeVisible();
    expect(kioskRow('Kios lobi 1').getByText('Kamera: tidak ditemukan')).toBeVisible();
    expect(screen.getByText(/Perangkat Kios lobi 1 bermasalah/)).toBeVisible();
  });

  test('a kiosk that goes offline raises an alert the manager can dismiss', async () => {
    const user = userEvent.setup();
    await openPage();
    await screen.findByText('Siap');
    await act(async () => fake().serverEmit('kiosk:status', { ...LOBBY, online: false }));
    expect(screen.getByText(/Kios lobi 1 terputus/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Tutup peringatan Kios lobi 1' }));
    expect(screen.queryByText(/Kios lobi 1 terputus/)).toBeNull();
  });

  test('taking a kiosk out of service asks first, then sends it and says so', async () => {
    const user = userEvent.setup();
    await openPage({ 'kiosk:setService': OK });
    await user.click(await screen.findByRole('button', { name: 'Tutup kiosk' }));
    const dialog = screen.getByRole('dialog', { name: 'Tutup Kios lobi 1?' });
    expect(fake().emitWithAck).not.toHaveBeenCalledWith('kiosk:setService', expect.anything());
    await user.click(within(dialog).getByRole('button', { name: 'Tutup kiosk' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('kiosk:setService', {
      kioskId: 'k1',
      inService: false,
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Kiosk ditutup.')).toBeVisible();
  });

  test('a message for one kiosk needs both languages', async () => {
    const user = userEvent.setup();
    await openPage({ 'kiosk:message': OK });
    await screen.findByText('Siap');
    await user.click(kioskRow('Kios lobi 1').getByRole('button', { name: 'Pesan ke kiosk' }));
    const dialog = screen.getByRole('dialog', { name: 'Pesan untuk Kios lobi 1' });
    const [id, en] = within(dialog).getAllByRole('textbox');
    expect(id).toHaveFocus();
    await user.type(id!, 'Printer diperbaiki');
    await user.click(within(dialog).getByRole('button', { name: 'Kirim pesan' }));
    expect(fake().emitWithAck).not.toHaveBeenCalledWith('kiosk:message', expect.anything());
    await user.type(en!, 'The printer is being fixed');
    await user.click(within(dialog).getByRole('button', { name: 'Kirim pesan' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('kiosk:message', {
      kioskId: 'k1',
      text: { id: 'Printer diperbaiki', en: 'The printer is being fixed' },
    });
  });

  test('a device check runs at once, and a refusal is shown in the manager’s language', async () => {
    const user = userEvent.setup();
    await openPage({
      'kiosk:selfTest': { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } },
    });
    await user.click(await screen.findByRole('button', { name: 'Uji perangkat' }));
    expect(fake().emitWithAck).toHaveBeenCalledWith('kiosk:selfTest', { kioskId: 'k1' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await vi.waitFor(() => expect(consoleStore.getState().error).toBe('NOT_FOUND'));
  });
});
