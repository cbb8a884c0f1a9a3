import { expect, test, type Browser, type Page } from './support/test.js';
import { availableOfficer, signIn } from './support/console.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { solidPng } from './support/png.js';
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
 * The office's logo, colour and consent text, set from the Office section and seen on a running
 * kiosk without a reload: its attract screen, then its consent screen. What is refused is refused
 * in words. All three are put back, and the kiosk is left on its service screen.
 */
async function brandTheKiosk(browser: Browser, admin: Page, kiosk: Page): Promise<void> {
  const logo = admin.getByLabel('Logo', { exact: true });
  await logo.setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('Catatan rapat, bukan gambar.\n'),
  });
  await expect(admin.getByText('Berkas itu bukan gambar PNG, JPEG, atau WebP.')).toBeVisible();
  await logo.setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: Buffer.alloc(300 * 1024),
  });
  await expect(admin.getByText(/Logo lebih besar dari 256 KB/)).toBeVisible();
  await logo.setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: solidPng(240, 80, [122, 31, 61]),
  });
  await expect(admin.getByRole('img', { name: 'Logo saat ini' })).toBeVisible();

  const color = admin.getByLabel('Warna kantor');
  await color.fill('#ffcc00');
  await admin.getByRole('button', { name: 'Simpan' }).click();
  await expect(color).toHaveAccessibleDescription(/sulit dibaca/);
  await color.fill('#7a1f3d');
  await admin.getByLabel('Teks (bahasa Indonesia)').fill('Data Anda dikelola PPID kantor ini.');
  await admin.getByLabel('Teks (bahasa Inggris)').fill('This office’s PPID handles your data.');
  await admin.getByRole('button', { name: 'Simpan' }).click();
  await expect(admin.getByText('Tersimpan.')).toBeVisible();
  await checkScreen(admin, 'admin-office-brand');

  const officeName = await admin.getByLabel('Nama (bahasa Indonesia)').inputValue();
  await expect(kiosk.getByRole('img', { name: officeName })).toBeVisible();
  const start = kiosk.getByRole('button', { name: 'Sentuh untuk mulai' });
  await expect(start).toHaveCSS('background-color', 'rgb(122, 31, 61)');
  await checkScreen(kiosk, 'kiosk-attract-brand');
  // The consent screen comes only when someone can serve.
  const officer = await availableOfficer(browser);
  await start.click();
  await kiosk.getByRole('button', { name: /Informasi publik/ }).click();
  await expect(kiosk.getByText('Data Anda dikelola PPID kantor ini.')).toBeVisible();
  await kiosk.screenshot({ path: 'test-output/screenshots/kiosk-consent-office-text.png' });
  await kiosk.getByRole('button', { name: 'Tidak setuju' }).click();
  await officer.context().close();

  await admin.getByRole('button', { name: 'Hapus logo' }).click();
  await expect(admin.getByText(/Belum ada logo/)).toBeVisible();
  await admin.getByLabel('Warna kantor').fill('');
  await admin.getByLabel('Teks (bahasa Indonesia)').fill('');
  await admin.getByLabel('Teks (bahasa Inggris)').fill('');
  await admin.getByRole('button', { name: 'Simpan' }).click();
  await expect(admin.getByText('Tersimpan.')).toBeVisible();
  await expect(kiosk.getByRole('img', { name: officeName })).toHaveCount(0);
  await kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }).click();
}

/**
 * Specs share one server and this one runs first: what it changes (the office's name, its logo,
 * colour and consent text, a new service, the hours) it puts back, so later specs find the demo
 * office as they expect.
 */
test('An administrator edits the office, brands the kiosk, adds a service that a running kiosk shows at once, and sets the hours', async ({
  browser,
}) => {
  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1');
  await expect(kiosk.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible();
  let kioskReloaded = false;
  kiosk.on('load', () => (kioskReloaded = true));

  const admin = await signIn(browser, 'admin');
  await admin.getByRole('link', { name: 'Administrasi' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Administrasi' })).toBeVisible();
  await expect(admin).toHaveURL(/\/console\/admin$/);

  await brandTheKiosk(browser, admin, kiosk);
  await expect(kiosk.getByRole('button', { name: /Informasi publik/ })).toBeVisible();

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

  // Outcomes: a malformed code is refused beside it; a good one is added, then removed again.
  await admin.getByRole('link', { name: 'Hasil layanan' }).click();
  await expect(admin).toHaveURL(/\/console\/admin\/outcomes$/);
  await admin.getByRole('button', { name: 'Tambah hasil' }).click();
  const code = admin.getByRole('textbox', { name: 'Kode hasil 6' });
  await code.fill('Paspor Siap');
  await admin.getByRole('textbox', { name: 'Nama bahasa Indonesia hasil 6' }).fill('Paspor siap');
  await admin.getByRole('textbox', { name: 'Nama bahasa Inggris hasil 6' }).fill('Passport ready');
  await code.press('Enter');
  await expect(code).toHaveAccessibleDescription(/Gunakan huruf kecil/);
  await code.fill('passport_ready');
  await code.press('Enter');
  await expect(admin.getByText('Tersimpan.')).toBeVisible();
  await expect(code).toHaveAttribute('readonly');
  await checkScreen(admin, 'admin-outcomes');
  await admin.getByRole('button', { name: 'Hapus Paspor siap' }).click();
  const removed = admin.waitForResponse(
    (response) =>
      response.url().endsWith('/api/dispositions') && response.request().method() === 'PUT',
  );
  await admin.getByRole('button', { name: 'Simpan hasil layanan' }).click();
  // Nobody closed a visit with it, so it may go.
  expect((await removed).status()).toBe(200);
  await expect(admin.getByRole('textbox', { name: 'Kode hasil 6' })).toHaveCount(0);

  // The chat's quick replies, the officers' greeting first: looked at, left as they are.
  await admin.getByRole('link', { name: 'Balasan cepat obrolan' }).click();
  await expect(admin).toHaveURL(/\/console\/admin\/replies$/);
  await expect(admin.getByRole('textbox', { name: 'Teks bahasa Indonesia balasan 1' })).toHaveValue(
    'Halo, Anda berikutnya. Saya segera melayani Anda.',
  );
  await checkScreen(admin, 'admin-replies');
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
