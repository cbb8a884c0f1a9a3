import { execFileSync } from 'node:child_process';
import { expect, test, type Browser } from './support/test.js';
import { checkScreen } from './support/screens.js';
import { startLoket, type Loket } from './support/livekit-loket.js';

const ADMIN = 'admin.e2e';
const ADMIN_PASSWORD = 'a long admin passphrase';

// An office as production starts it: no demo data, nothing but what this test makes.
let loket: Loket;
test.beforeAll(async () => {
  loket = await startLoket({ NODE_ENV: 'production', DEMO_DATA: 'false' });
});
test.afterAll(() => loket.stop());

/** Someone signed in on the console in a browser context of their own. */
async function signInAs(browser: Browser, username: string, password: string) {
  const page = await (
    await browser.newContext({ baseURL: loket.baseURL, viewport: { width: 1440, height: 900 } })
  ).newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

test('A new office opens for business in the browser: the first administrator adds a service and hours, an officer who must choose a password, and a kiosk paired by its code, whose first visitor the new officer answers', async ({
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
    { env: { ...process.env, DATA_DIR: loket.dataDir, LOKET_ADMIN_PASSWORD: ADMIN_PASSWORD } },
  );
  const admin = await signInAs(browser, ADMIN, ADMIN_PASSWORD);
  await admin.getByRole('link', { name: 'Administrasi' }).click();
  await expect(admin).toHaveURL(/\/console\/admin$/);
  const section = (name: string) =>
    admin
      .getByRole('navigation', { name: 'Bagian administrasi' })
      .getByRole('link', { name, exact: true })
      .click();

  // The office create-admin made has no service, and office hours that a test run at any time
  // of day cannot count on: one service, and hours around the clock.
  await section('Layanan');
  await admin.getByLabel('Huruf tiket').fill('K');
  await admin.getByLabel('Nama (bahasa Indonesia)').fill('Kartu kuning');
  await admin.getByLabel('Nama (bahasa Inggris)').fill('Job seeker card');
  await admin.getByLabel('Uraian singkat (bahasa Indonesia)').fill('Kartu pencari kerja (AK/1)');
  await admin.getByLabel('Uraian singkat (bahasa Inggris)').fill('Job seeker card (AK/1)');
  await admin.getByRole('button', { name: 'Tambah layanan' }).click();
  await expect(admin.getByRole('row', { name: /Kartu kuning/ })).toBeVisible();
  await section('Jam layanan');
  for (const day of ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']) {
    await admin.getByLabel(day, { exact: true }).fill('00:00-24:00');
  }
  await admin.getByRole('button', { name: 'Simpan' }).click();
  await expect(admin.getByText('Tersimpan.')).toBeVisible();
  await expect(admin.getByText(/Buka sekarang/)).toBeVisible();

  await section('Petugas dan koordinator');
  await expect(admin).toHaveURL(/\/console\/admin\/people$/);
  await expect(
    admin.getByRole('heading', { name: 'Petugas dan koordinator', level: 2 }),
  ).toBeVisible();

  await admin.getByLabel('Nama pengguna').fill('petugas.baru');
  await admin.getByLabel('Nama tampilan', { exact: true }).fill('Rina Kusuma');
  await admin.getByLabel('Kata sandi awal').fill('a first password');
  await admin.getByRole('checkbox', { name: 'Bahasa Indonesia' }).check();
  await admin.getByRole('checkbox', { name: 'Kartu kuning' }).check();
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

  const kiosk = await (
    await browser.newContext({ baseURL: loket.baseURL, permissions: ['camera', 'microphone'] })
  ).newPage();
  await kiosk.goto(address!);
  await expect(kiosk).not.toHaveURL(/#pair=/);
  // The administration's list follows the kiosk live: no reload.
  await expect(admin.getByText(/^Daring/)).toBeVisible({ timeout: 10_000 });

  // The office's first visitor, served by its new officer.
  await officer.getByRole('button', { name: 'Siap melayani' }).click();
  await expect(officer.getByText('Status: Tersedia')).toBeVisible();
  await kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }).click();
  await kiosk.getByRole('button', { name: /Kartu kuning/ }).click();
  await kiosk.getByRole('button', { name: 'Setuju', exact: true }).click();
  const number = (await kiosk.getByText(/^K-\d{3}$/).textContent())?.trim() ?? '';
  expect(number).toBe('K-001');
  await expect(admin.getByText(/^Sedang dipakai/)).toBeVisible();
  const offer = officer.getByRole('alertdialog', { name: 'Panggilan masuk' });
  await expect(offer).toContainText(number);
  await offer.getByRole('button', { name: 'Terima', exact: true }).click();
  await expect(officer.getByRole('button', { name: 'Akhiri panggilan' })).toBeVisible();
  await checkScreen(kiosk, 'first-visitor-kiosk');
});
