import { expect, test } from './support/test.js';
import { availableOfficer } from './support/console.js';
import { acceptOffer, takeTicket } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { scanQr } from './support/qr.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR } from './support/server.js';

test('After a call the visitor takes the summary home by QR code, and the officer’s note appears in it', async ({
  browser,
}) => {
  const agent = await availableOfficer(browser);
  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1');
  const number = await takeTicket(kiosk);
  await acceptOffer(agent, number);
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();

  // The visitor scans the thank-you screen's code before the officer has written anything.
  const link = await scanQr(kiosk.getByRole('img', { name: /QR code of your visit's summary/ }));
  expect(link).toMatch(/\/kiosk\/summary\.html#[A-Za-z0-9_-]{43}$/);
  await checkScreen(kiosk, 'kiosk-thanks-summary-link');
  const phone = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
  ).newPage();
  await phone.goto(link);
  await expect(phone.getByText(number)).toBeVisible();
  await expect(phone.getByText('Officer: Sari')).toBeVisible();
  await expect(phone.getByText('Your identity card (KTP)')).toBeVisible();
  await expect(
    phone.getByText('Your officer is still writing their note.', { exact: false }),
  ).toBeVisible();
  await checkScreen(phone, 'phone-summary-writing');

  // In wrap-up the officer writes the note; the phone shows it by itself.
  const note = 'Please bring a copy of your KTP to counter 3 tomorrow morning.';
  await agent
    .getByRole('textbox', { name: 'Catatan untuk pengunjung dan langkah selanjutnya' })
    .fill(note);
  await checkScreen(agent, 'console-visitor-note');
  await agent.getByRole('button', { name: 'Kirim catatan' }).click();
  await expect(agent.getByText('Catatan terkirim ke ringkasan kunjungan.')).toBeVisible();
  await expect(phone.getByText(note)).toBeVisible({ timeout: 15_000 });
  await checkScreen(phone, 'phone-summary-note');

  // A link nobody was given says so plainly.
  const stranger = await phone.context().newPage();
  await stranger.goto(link.replace(/#.*$/, `#${'x'.repeat(43)}`));
  await expect(
    stranger.getByText('Ringkasan ini tidak ditemukan. Periksa kembali tautannya.'),
  ).toBeVisible();
});
