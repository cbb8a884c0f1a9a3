import { expect, test, type Browser, type Page } from './support/test.js';
import { goOnBreak } from './support/console.js';
import { takeTicket } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR, passwordOf } from './support/server.js';

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(passwordOf(username));
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/**
 * An officer signed in and on a break: the office can take tickets, but they wait. (An earlier
 * test on this server may have left the officer at work.)
 */
async function officerOnBreak(browser: Browser, username: string): Promise<void> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/console/');
  await signIn(page, username);
  await goOnBreak(page);
}

/** The value of one of the wallboard's figures, found by its label. */
function figure(wall: Page, label: string) {
  return wall
    .getByRole('region', { name: 'Antrian hari ini' })
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

test('A manager’s wallboard shows the live figures large and follows a new ticket without a reload', async ({
  browser,
}) => {
  await officerOnBreak(browser, 'petugas1');
  await officerOnBreak(browser, 'petugas2');
  const wall = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  ).newPage();
  await wall.goto('/console/wallboard');
  await signIn(wall, 'koordinator');
  await expect(wall.getByRole('heading', { level: 1, name: 'Layar dinding' })).toBeVisible();
  await expect(wall).toHaveURL(/\/console\/wallboard$/);

  const waiting = figure(wall, 'Menunggu');
  await expect(waiting).toHaveText(/^\d+$/);
  const before = Number(await waiting.textContent());
  await expect(figure(wall, 'Petugas bertugas')).toHaveText(/^[2-9]\d* \d+ siap melayani$/);
  let reloaded = false;
  wall.on('load', () => (reloaded = true));

  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1');
  await takeTicket(kiosk);
  await expect(waiting).toHaveText(String(before + 1));
  await expect(figure(wall, 'Tunggu terlama')).not.toHaveText('0:00');
  expect(reloaded).toBe(false);
  await checkScreen(wall, 'console-wallboard');

  await wall.getByRole('link', { name: 'Kembali ke antrian langsung' }).click();
  await expect(wall.getByRole('heading', { level: 1, name: 'Antrian langsung' })).toBeVisible();
  await expect(wall).toHaveURL(/\/console\/manager$/);
});
