import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/console.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR } from './support/server.js';

/** Opens an administration section from the page's own navigation, by keyboard. */
async function openSection(admin: Page, name: string): Promise<void> {
  const link = admin.getByRole('navigation', { name: 'Bagian administrasi' }).getByRole('link', {
    name,
    exact: true,
  });
  await link.focus();
  await admin.keyboard.press('Enter');
  await expect(admin.getByRole('heading', { level: 2, name })).toBeVisible();
}

/**
 * Specs share one server and this one runs first: what it changes (the office's name, a new
 * service, the hours) it puts back, so later specs find the demo office as they expect.
 */
test('An administrator edits the office, adds a service that a running kiosk shows at once, and sets the hours', async ({
  browser,
}) => {
  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1');
  await kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }).click();
  await expect(kiosk.getByRole('button', { name: /Informasi publik/ })).toBeVisible();
  let kioskReloaded = false;
  kiosk.on('load', () => (kioskReloaded = true));

  const admin = await signIn(browser, 'admin');
  await admin.getByRole('link', { name: 'Administrasi' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Administrasi' })).toBeVisible();
  await expect(admin).toHaveURL(/\/console\/admin$/);

  // Office: a rename, saved with the keyboard, then put back.
  const name = admin.getByLabel('Nama (bahasa Indonesia)');
  const original = await name.inputValue();
  await name.fill('Kantor Uji Administrasi');
  await name.press('Enter');
  await expect(admin.getByText('Tersimpan.')).toBeVisible();
  await checkScreen(admin, 'admin-office');
  await admin.getByLabel('Nama (bahasa Indonesia)').fill(original);
  await admin.getByLabel('Nama (bahasa Indonesia)').press('Enter');
  await expect(admin.getByLabel('Nama (bahasa Indonesia)')).toHaveValue(original);

  // Services: a new one with a letter and a skill; the kiosk lists it without a reload.
  await openSection(admin, 'Layanan');
  await expect(admin).toHaveURL(/\/console\/admin\/services$/);
  await admin.getByLabel('Huruf tiket').fill('E');
  await admin.getByLabel('Nama (bahasa Indonesia)').fill('Pelatihan kerja');
  await admin.getByLabel('Nama (bahasa Inggris)').fill('Job training');
  await admin.getByLabel('Uraian singkat (bahasa Indonesia)').fill('Kursus dan magang');
  await admin.getByLabel('Uraian singkat (bahasa Inggris)').fill('Courses and apprenticeships');
  await admin.getByLabel('Ikon').selectOption('training');
  await admin.getByLabel('Keahlian yang dibutuhkan tiketnya').fill('bisindo');
  await admin.getByRole('button', { name: 'Tambah layanan' }).click();
  await expect(admin.getByRole('row', { name: /Pelatihan kerja/ })).toBeVisible();
  await expect(kiosk.getByRole('button', { name: /Pelatihan kerja/ })).toBeVisible();
  await checkScreen(admin, 'admin-services');

  // A duplicate letter is refused in words.
  await admin.getByLabel('Huruf tiket').fill('A');
  await admin.getByLabel('Nama (bahasa Indonesia)').fill('Ganda');
  await admin.getByLabel('Nama (bahasa Inggris)').fill('Twin');
  await admin.getByLabel('Uraian singkat (bahasa Indonesia)').fill('x');
  await admin.getByLabel('Uraian singkat (bahasa Inggris)').fill('x');
  await admin.getByRole('button', { name: 'Tambah layanan' }).click();
  await expect(admin.getByRole('alert')).toContainText('Sudah ada data lain');

  // Retired again after a confirmation, so later specs see the demo services only.
  await admin.getByRole('button', { name: 'Hentikan Pelatihan kerja' }).click();
  await admin
    .getByRole('dialog', { name: 'Hentikan Pelatihan kerja?' })
    .getByRole('button', { name: 'Hentikan' })
    .click();
  await expect(admin.getByRole('row', { name: /Pelatihan kerja/ })).toContainText('Dihentikan');
  await expect(kiosk.getByRole('button', { name: /Pelatihan kerja/ })).toHaveCount(0);
  expect(kioskReloaded).toBe(false);

  // Hours: around the clock with a holiday far ahead, which leaves the office open.
  await openSection(admin, 'Jam layanan');
  await expect(admin.getByText(/Buka sekarang sampai 24:00/)).toBeVisible();
  await admin.getByLabel('Hari libur').fill('2099-08-17');
  await admin.getByLabel('Senin').fill('08:00-12:00, 11:00-24:00');
  await admin.getByRole('button', { name: 'Simpan' }).click();
  await expect(admin.getByLabel('Senin')).toHaveAccessibleDescription(
    'Dua periode saling tumpang tindih.',
  );
  await admin.getByLabel('Senin').fill('00:00-24:00');
  await admin.getByRole('button', { name: 'Simpan' }).click();
  await expect(admin.getByText('Tersimpan.')).toBeVisible();
  await expect(admin.getByText(/Buka sekarang sampai 24:00/)).toBeVisible();
  await checkScreen(admin, 'admin-hours');
});

test('A manager has no administration link, and the server refuses them its routes', async ({
  browser,
}) => {
  const manager = await signIn(browser, 'koordinator');
  await expect(manager.getByRole('link', { name: 'Log audit' })).toBeVisible();
  await expect(manager.getByRole('link', { name: 'Administrasi' })).toHaveCount(0);
  const answer = await manager.request.get('/api/admin/office');
  expect(answer.status()).toBe(403);
});
