import { expect, test, type Browser, type Page } from './support/test.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { goOnBreak } from './support/console.js';
import { takeTicket } from './support/journey.js';
import { scanQr } from './support/qr.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR, passwordOf } from './support/server.js';

/** An officer signed in and on a break: the office takes tickets, and nobody is called yet. */
async function officerOnBreak(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill('petugas1');
  await page.getByLabel('Kata sandi').fill(passwordOf('petugas1'));
  await page.getByRole('button', { name: 'Masuk' }).click();
  await goOnBreak(page);
  return page;
}

test('A visitor follows their wait on a phone from the kiosk’s QR code, is asked back when next, and cancels from the phone', async ({
  browser,
}) => {
  await officerOnBreak(browser);
  const ahead = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 2');
  await takeTicket(ahead);
  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1');
  const number = await takeTicket(kiosk);

  // The visitor scans the code with their phone.
  const link = await scanQr(kiosk.getByRole('img', { name: /QR code to follow your place/ }));
  await checkScreen(kiosk, 'kiosk-waiting-phone-link');
  expect(link).toMatch(/\/kiosk\/visit\.html#[A-Za-z0-9_-]{43}$/);
  const phone = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
  ).newPage();
  await phone.goto(link);
  await expect(phone.getByText(number)).toBeVisible();
  await expect(phone.getByText('Your position: 2')).toBeVisible();
  await expect(phone.getByText('You may wait elsewhere.', { exact: false })).toBeVisible();
  await checkScreen(phone, 'phone-visit-waiting');

  // The visitor ahead gives up: this one is next, and the phone asks them back.
  await ahead.getByRole('button', { name: 'Cancel ticket' }).click();
  await ahead.getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(phone.getByText('Please return to the kiosk now.', { exact: false })).toBeVisible();
  await checkScreen(phone, 'phone-visit-return-now');

  // In Bahasa Indonesia on request.
  await phone.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(
    phone.getByText('Silakan kembali ke kiosk sekarang.', { exact: false }),
  ).toBeVisible();

  // The visitor gives up from the phone: the kiosk goes back to its start, the link is over.
  await phone.getByRole('button', { name: 'Batalkan antrian' }).click();
  await phone
    .getByRole('dialog', { name: 'Batalkan antrian Anda?' })
    .getByRole('button', { name: 'Ya, batalkan' })
    .click();
  await expect(phone.getByText('Antrian Anda dibatalkan.')).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible();
  await phone.reload();
  await expect(
    phone.getByText('Kunjungan ini sudah selesai, atau tautannya tidak berlaku lagi.'),
  ).toBeVisible();
});
