import { expect, test, type Browser, type Page } from './support/test.js';
import { startLaporMock, type LaporMock } from '../signaling-server/test/support/lapor-mock.js';
import { acceptOffer, takeTicket } from './support/journey.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { startLoket, type Loket } from './support/livekit-loket.js';
import { checkScreen } from './support/screens.js';

// A Loket of its own, whose LAPOR_URL points at a local mock of LAPOR!'s API.
const LOKET_PORT = 8261;
const LAPOR_PORT = 8262;

let lapor: LaporMock;
let loket: Loket;

test.beforeAll(async () => {
  lapor = await startLaporMock(LAPOR_PORT);
  loket = await startLoket({
    PORT: String(LOKET_PORT),
    LAPOR_URL: lapor.url,
    LAPOR_TOKEN: lapor.token,
  });
});

test.afterAll(async () => {
  await loket?.stop();
  await lapor?.stop();
});

/** A demo user of this spec's Loket signed in on its console. */
async function signInHere(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: loket.baseURL,
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(loket.password(username));
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

test('A survey comment marked as a complaint is forwarded by a manager and shows its tracking id and deadlines', async ({
  browser,
}) => {
  const agent = await signInHere(browser, 'petugas1');
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  await expect(agent.getByText('Status: Tersedia')).toBeVisible();
  const kiosk = await openPairedKiosk(browser, loket.dataDir, 'Kios lobi 1', {
    baseURL: loket.baseURL,
  });

  const number = await takeTicket(kiosk);
  await acceptOffer(agent, number);
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();

  await kiosk.getByRole('button', { name: 'Comment', exact: true }).click();
  const comment = kiosk.getByRole('dialog', { name: 'Your comment' });
  const keyboard = comment.getByRole('group', { name: 'Keyboard' });
  for (const key of ['Capital letter', 'L', 'a', 'm', 'a']) {
    await keyboard.getByRole('button', { name: key, exact: true }).click();
  }
  await comment.getByRole('checkbox', { name: /This is a complaint/ }).check();
  await checkScreen(kiosk, 'kiosk-survey-complaint');
  await comment.getByRole('button', { name: 'Done' }).click();
  await kiosk.getByRole('button', { name: 'Send rating' }).click();
  await expect(kiosk.getByText('Thank you for your rating.')).toBeVisible();

  const manager = await signInHere(browser, 'koordinator');
  const panel = manager.getByRole('region', { name: 'Pengaduan ke SP4N-LAPOR!' });
  const row = panel.getByRole('row', { name: new RegExp(number) });
  await expect(row).toContainText('Lama');
  await expect(row).toContainText('Belum diteruskan');
  await row.getByRole('button', { name: 'Teruskan ke SP4N-LAPOR!' }).click();

  await expect(row).toContainText('LPR0000001');
  await expect(row).toContainText('Diteruskan');
  await expect(row.getByText(/^Verifikasi \(3 hari kerja\)/)).toContainText('sisa 3 hari kerja');
  await expect(row.getByText(/^Tindak lanjut \(5 hari kerja\)/)).toContainText('sisa 5 hari kerja');
  await expect(row.getByText(/^Penyelesaian \(10 hari kerja\)/)).toContainText(
    'sisa 10 hari kerja',
  );
  await expect(row.getByRole('button')).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await checkScreen(manager, 'complaints');
  expect(lapor.received.map((sent) => sent.body.content)).toEqual(['Lama']);
});
