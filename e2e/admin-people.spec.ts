import { execFileSync } from 'node:child_process';
import { expect, test, type Browser } from '@playwright/test';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR } from './support/server.js';

const ADMIN = 'admin.e2e';
const ADMIN_PASSWORD = 'a long admin passphrase';

/** Someone signed in on the console in a browser context of their own. */
async function signInAs(browser: Browser, username: string, password: string) {
  const page = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 } })
  ).newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

test('An administrator creates an officer who must choose a password, and enrols a kiosk that pairs by its code', async ({
  browser,
}) => {
  // The first administrator, made as a production office makes one (with an office of its own).
  execFileSync(
    process.execPath,
    [
      'signaling-server/dist/create-admin.js',
      '--username',
      ADMIN,
      '--name',
      'Admin E2E',
      '--office',
      'Kantor E2E',
    ],
    { env: { ...process.env, DATA_DIR: E2E_DATA_DIR, LOKET_ADMIN_PASSWORD: ADMIN_PASSWORD } },
  );
  const admin = await signInAs(browser, ADMIN, ADMIN_PASSWORD);
  await admin.getByRole('link', { name: 'Administrasi' }).click();
  await expect(admin).toHaveURL(/\/console\/admin$/);
  await expect(
    admin.getByRole('heading', { name: 'Petugas dan koordinator', level: 2 }),
  ).toBeVisible();

  await admin.getByLabel('Nama pengguna').fill('petugas.baru');
  await admin.getByLabel('Nama tampilan', { exact: true }).fill('Rina Kusuma');
  await admin.getByLabel('Kata sandi awal').fill('a first password');
  await admin.getByRole('checkbox', { name: 'Bahasa Indonesia' }).check();
  await admin.getByRole('button', { name: 'Tambah orang' }).click();
  await expect(admin.getByRole('button', { name: 'Ubah Rina Kusuma' })).toBeVisible();
  await checkScreen(admin, 'admin-people');

  const officer = await signInAs(browser, 'petugas.baru', 'a first password');
  await expect(officer.getByRole('heading', { name: 'Ganti kata sandi Anda' })).toBeVisible();
  await officer.getByLabel('Kata sandi saat ini').fill('a first password');
  await officer.getByLabel('Kata sandi baru').fill('my very own password');
  await officer.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(officer.getByText(/^Status:/)).toBeVisible();

  await admin.getByRole('link', { name: 'Kiosk', exact: true }).click();
  await expect(admin).toHaveURL(/\/console\/admin\/kiosks$/);
  await admin.getByLabel('Nama kiosk baru').fill('Kios E2E');
  await admin.getByRole('button', { name: 'Daftarkan kiosk' }).click();
  const address = await admin.getByText(/\/kiosk\/#pair=/).textContent();
  await expect(admin.getByRole('img', { name: /Kode QR/ })).toBeVisible();
  await checkScreen(admin, 'admin-kiosks');

  const kiosk = await (await browser.newContext()).newPage();
  await kiosk.goto(address!);
  await expect(kiosk).not.toHaveURL(/#pair=/);
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByText(/^Daring/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});
