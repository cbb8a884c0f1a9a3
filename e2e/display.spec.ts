import { expect, test, type Browser, type Page } from './support/test.js';
import { goOnBreak } from './support/console.js';
import { takeTicket } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
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

test('The lobby display shows a ticket asked back to its kiosk, reads it out from the shipped clips, and its sound switch turns off and stays off', async ({
  browser,
}) => {
  await officerOnBreak(browser);
  const tv = await (
    await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  ).newPage();
  await tv.goto('/display/');
  const callNow = tv.getByRole('region', { name: /Silakan kembali ke kiosk/ });
  await expect(callNow).toContainText('Belum ada');
  await expect(callNow).toContainText('Please return to your kiosk');

  // Sound is on by default. This browser is started to allow sound without a touch, as a TV in
  // kiosk mode would be, so no "tap to turn sound on" is needed (the component test shows it).
  const sound = tv.getByRole('button', { name: /Suara panggilan/ });
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  await expect(tv.getByRole('button', { name: 'Ketuk untuk menyalakan suara' })).toBeHidden();
  await checkScreen(tv, 'display-empty');

  const clips: string[] = [];
  tv.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/kiosk/voice/')) clips.push(pathname);
  });
  const kiosk = await openPairedKiosk(browser, E2E_DATA_DIR, 'Kios lobi 1');
  const number = await takeTicket(kiosk);
  await expect(callNow.getByText(number)).toBeVisible({ timeout: 10_000 });
  await expect(callNow).toContainText('Kios lobi 1');
  await checkScreen(tv, 'display-call-now');
  // This browser has no local speech voice, so the call is read out from the shipped clips (a
  // clip heard twice, like the zeros of A-001, is fetched once).
  const spoken = [...new Set(['ticket', ...number.replace('-', '').toLowerCase(), 'return'])];
  await expect
    .poll(() => clips.slice(0, spoken.length))
    .toEqual(spoken.map((clip) => `/kiosk/voice/id/${clip}.ogg`));

  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  await tv.reload();
  await expect(tv.getByRole('button', { name: /Suara panggilan/ })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(tv.getByRole('button', { name: 'Ketuk untuk menyalakan suara' })).toBeHidden();

  // The visitor gives up, leaving the kiosk free for the tests after this one.
  await kiosk.getByRole('button', { name: 'Cancel ticket' }).click();
  await kiosk.getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(kiosk.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible();
  await expect(callNow).toContainText('Belum ada');
});
