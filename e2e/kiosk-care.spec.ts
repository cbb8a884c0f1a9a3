import { expect, test, type Browser, type Page } from './support/test.js';
import { launchChromium } from './support/chromium.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR, passwordOf } from './support/server.js';

async function openDashboard(browser: Browser): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  ).newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill('koordinator');
  await page.getByLabel('Kata sandi').fill(passwordOf('koordinator'));
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Antrian langsung' })).toBeVisible();
  return page;
}

/** A kiosk's row on the dashboard's kiosk table. */
function kioskRow(dashboard: Page, name: string) {
  return dashboard
    .getByRole('table', { name: 'Kiosk' })
    .getByRole('row')
    .filter({ has: dashboard.getByRole('rowheader', { name }) });
}

/** A manager asks something of a kiosk from its row and confirms in the dialog that asks first. */
async function askOfKiosk(
  dashboard: Page,
  kiosk: string,
  action: { button: string; dialog: string; confirm: string },
): Promise<void> {
  await kioskRow(dashboard, kiosk).getByRole('button', { name: action.button }).click();
  await dashboard
    .getByRole('dialog', { name: action.dialog })
    .getByRole('button', { name: action.confirm })
    .click();
}

test('A manager sees a kiosk without a camera as faulty, reloads a kiosk and takes one out of service and back', async ({
  browser,
  baseURL,
}) => {
  const dashboard = await openDashboard(browser);
  const lobby = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1', {
    viewport: { width: 1080, height: 1600 },
  });
  await expect(kioskRow(dashboard, 'Kios lobi 1')).toContainText('Siap');

  // A second kiosk on a machine whose camera is gone: its first heartbeat says so.
  const bare = await launchChromium({ noDevices: true });
  try {
    const broken = await openPairedKiosk(bare, E2E_DATA_DIR, 'Kios lobi 2', { baseURL });
    const row = kioskRow(dashboard, 'Kios lobi 2');
    await expect(row).toContainText('Bermasalah');
    await expect(row).toContainText('Kamera: tidak ditemukan');
    await expect(row).toContainText('Mikrofon: tidak ditemukan');
    await checkScreen(dashboard, 'console-8-kiosk-health');
    await broken.context().close();
    await expect(row).toContainText('Luring');
    await expect(
      dashboard.getByRole('alert').filter({ hasText: 'Kios lobi 2 terputus' }),
    ).toBeVisible();
  } finally {
    await bare.close();
  }

  // Reload: the kiosk's page loads again and comes back to its start screen.
  await lobby.evaluate(() => Object.assign(window, { beforeReload: true }));
  const reloaded = lobby.waitForEvent('load');
  await askOfKiosk(dashboard, 'Kios lobi 1', {
    button: 'Muat ulang',
    dialog: 'Muat ulang Kios lobi 1?',
    confirm: 'Muat ulang',
  });
  await reloaded;
  await expect(lobby.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible();
  expect(await lobby.evaluate(() => 'beforeReload' in window)).toBe(false);

  // Out of service: the kiosk says it is closed and where to go; back in service it starts again.
  await askOfKiosk(dashboard, 'Kios lobi 1', {
    button: 'Tutup kiosk',
    dialog: 'Tutup Kios lobi 1?',
    confirm: 'Tutup kiosk',
  });
  await expect(lobby.getByRole('heading', { name: 'Kiosk ini sedang ditutup' })).toBeVisible();
  await expect(lobby.getByText('Silakan gunakan kiosk lain di dekat pintu masuk')).toBeVisible();
  await expect(kioskRow(dashboard, 'Kios lobi 1')).toContainText('Ditutup');
  await checkScreen(lobby, 'kiosk-closed');
  await askOfKiosk(dashboard, 'Kios lobi 1', {
    button: 'Buka kiosk',
    dialog: 'Buka kembali Kios lobi 1?',
    confirm: 'Buka kiosk',
  });
  await expect(lobby.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible();
  await expect(kioskRow(dashboard, 'Kios lobi 1')).toContainText('Siap');
});
