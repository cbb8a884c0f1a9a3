import fs from 'node:fs';
import { expect, test, type Browser, type Page } from './support/test.js';
import { pairingCode } from './support/kiosk-pairing.js';
import { E2E_DATA_DIR, passwordOf } from './support/server.js';
import {
  paintCameraMagenta,
  recordPeerConnections,
  videoColour,
  waitForDecodedFrames,
} from './support/media.js';
import { checkScreen } from './support/screens.js';
import { recordSound, soundHeardAt } from './support/sound.js';

const OFFICE = 'Ministry of Manpower — One-Stop Service';

/**
 * The kiosk build's chunks of call code (the call screen, its WebRTC/LiveKit session, and
 * livekit-client), by the name Vite gives them before the content hash.
 */
const CALL_CHUNKS = {
  callScreen: /^CallScreen-[\w-]+\.js$/,
  callSession: /^call-session-[\w-]+\.js$/,
  livekitClient: /^livekit-client[\w.-]*\.js$/,
};
const isCallChunk = (file: string) => Object.values(CALL_CHUNKS).some((re) => re.test(file));

/** The file names of the scripts a page has asked for so far, in order. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/\.m?js$/.test(pathname)) scripts.push(pathname.slice(pathname.lastIndexOf('/') + 1));
  });
  return scripts;
}

async function openKiosk(browser: Browser): Promise<{ kiosk: Page; scripts: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1600 } });
  await recordPeerConnections(context);
  const page = await context.newPage();
  const scripts = recordScripts(page);
  // Staff pair the kiosk as an office does: the code from `pnpm kiosk pair`, typed on the kiosk.
  await page.goto('/kiosk/');
  await expect(page.getByRole('heading', { name: 'Kiosk belum dipasangkan' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Kode pemasangan' }).fill(pairingCode(E2E_DATA_DIR));
  await checkScreen(page, 'kiosk-pairing');
  await page.getByRole('button', { name: 'Pasangkan kiosk' }).click();
  return { kiosk: page, scripts };
}

async function openConsole(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await recordPeerConnections(context);
  await paintCameraMagenta(context);
  await recordSound(context);
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(passwordOf(username));
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

/** After a call the officer wraps up; going available again ends it. */
async function endWrapUp(agent: Page, shoot = false) {
  await expect(agent.getByText('Menyelesaikan catatan').first()).toBeVisible();
  if (shoot) await checkScreen(agent, 'console-6-wrap-up');
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  await expect(agent.getByRole('button', { name: 'Siap melayani' })).toBeDisabled();
  await expect(agent.getByText('Status: Tersedia')).toBeVisible();
  if (shoot) await checkScreen(agent, 'console-7-agent-available');
}

/** Seconds in a duration shown as m:ss or h:mm:ss. */
function seconds(shown: string): number {
  return shown.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

async function takeTicket(kiosk: Page, shoot: boolean, scripts?: string[]) {
  await kiosk.getByRole('button', { name: 'Touch to start' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Choose a service' })).toBeVisible();
  if (shoot) await checkScreen(kiosk, 'kiosk-2-service');
  await kiosk.getByRole('button', { name: 'Public information (PPID)' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Camera and microphone' })).toBeVisible();
  if (shoot) await checkScreen(kiosk, 'kiosk-3-consent');
  // The first route (attract, service, consent) runs without the call code. The waiting screen,
  // which comes next, fetches it on purpose while the visitor waits.
  if (scripts) {
    expect(scripts.length, 'the kiosk’s scripts were recorded').toBeGreaterThan(0);
    expect(scripts.filter(isCallChunk), 'call code loaded before the waiting screen').toEqual([]);
  }
  await kiosk.getByRole('button', { name: 'I agree' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Your ticket number' })).toBeVisible();
  const number = (await kiosk.getByText(/^A-\d{3}$/).textContent())?.trim() ?? '';
  expect(number).toMatch(/^A-\d{3}$/);
  return number;
}

test('a visitor and an officer complete a video call, each ending one', async ({ browser }) => {
  const agent = await openConsole(browser, 'petugas1');
  await expect(agent.getByRole('heading', { name: 'Konsol petugas' })).toBeVisible();
  await checkScreen(agent, 'console-1-agent-offline');
  // Signed in but on a break: the kiosk takes tickets for an officer who is in.
  await agent.getByRole('button', { name: 'Istirahat' }).click();
  await expect(agent.getByText('Status: Sedang istirahat')).toBeVisible();
  await checkScreen(agent, 'console-1-agent-away');

  // The patterns below name chunks this build really has, so the check cannot pass vacuously.
  const built = fs.readdirSync('kiosk/dist/assets');
  for (const [chunk, pattern] of Object.entries(CALL_CHUNKS))
    expect(
      built.filter((file) => pattern.test(file)),
      `${chunk} in the kiosk build`,
    ).toHaveLength(1);
  const { kiosk, scripts } = await openKiosk(browser);
  await expect(kiosk.getByRole('heading', { name: /Kementerian Ketenagakerjaan/ })).toBeVisible();
  await checkScreen(kiosk, 'kiosk-1-attract-id');
  await kiosk.getByRole('button', { name: 'English' }).click();
  await expect(kiosk.getByRole('heading', { name: OFFICE })).toBeVisible();
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'en');
  await checkScreen(kiosk, 'kiosk-1-attract-en');

  const ticketAsked = Date.now();
  const number = await takeTicket(kiosk, true, scripts);
  const ticketShown = Date.now();
  await expect(kiosk.getByRole('status').filter({ hasText: 'Your position: 1' })).toBeVisible();
  await expect(kiosk.getByLabel('Your camera preview')).toBeVisible();
  await checkScreen(kiosk, 'kiosk-4-waiting');
  await kiosk.getByRole('button', { name: 'Cancel ticket' }).click();
  await expect(kiosk.getByRole('dialog')).toBeVisible();
  await checkScreen(kiosk, 'kiosk-5-cancel-confirm');
  await kiosk.getByRole('button', { name: 'No, keep waiting' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Your ticket number' })).toBeVisible();

  const manager = await openConsole(browser, 'koordinator');
  await expect(manager.getByRole('heading', { name: 'Antrian langsung' })).toBeVisible();
  const row = manager
    .getByRole('row')
    .filter({ has: manager.getByRole('rowheader', { name: number }) });
  await expect(row).toContainText('Informasi publik (PPID)');
  await checkScreen(manager, 'console-2-manager-queue');
  await manager.context().close();

  const readyAt = Date.now();
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
  await expect(offer).toBeVisible();
  const offerSeen = Date.now();
  // What the officer reads in the offer: each term with its value.
  await expect(offer.getByRole('term')).toHaveText([
    'Nomor antrian',
    'Layanan',
    'Bahasa pengunjung',
    'Kebutuhan',
    'Sudah menunggu',
  ]);
  const details = offer.getByRole('definition');
  await expect(details).toHaveText([
    number,
    'Informasi publik (PPID)',
    'Bahasa Inggris',
    'Tidak ada',
    /^\d+:\d\d$/,
  ]);
  // The visitor has waited since the ticket was issued, to the second.
  const waited = seconds((await details.nth(4).textContent()) ?? '');
  expect(waited, 'seconds waited, as the offer shows').toBeGreaterThanOrEqual(
    Math.floor((offerSeen - ticketShown) / 1000) - 1,
  );
  expect(waited, 'seconds waited, as the offer shows').toBeLessThanOrEqual(
    Math.ceil((Date.now() - ticketAsked) / 1000) + 1,
  );
  // A screen reader announces the alert dialog's details with its name.
  await expect(offer).toHaveAccessibleDescription(
    new RegExp(`${number} .*Informasi publik \\(PPID\\) .*Bahasa pengunjung Bahasa Inggris`),
  );
  // It rings out loud while it is shown.
  await expect
    .poll(async () => (await soundHeardAt(agent)).filter((at) => at > readyAt).length, {
      message: 'the offer rings audibly',
      timeout: 5000,
    })
    .toBeGreaterThan(0);
  await expect(offer).toBeVisible();
  await checkScreen(agent, 'console-3-offer');
  await offer.getByRole('button', { name: 'Terima', exact: true }).click();
  const acceptedAt = Date.now();

  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  await expect(agent.getByRole('heading', { name: `Panggilan dengan ${number}` })).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  expect(await waitForDecodedFrames(agent)).toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const [red, green, blue] = await videoColour(kiosk, "Officer's video");
        return red > 200 && green < 60 && blue > 200;
      },
      { message: 'the kiosk shows the officer’s magenta camera, not its own' },
    )
    .toBe(true);
  expect(
    scripts.some((file) => CALL_CHUNKS.callScreen.test(file)),
    'the call screen’s code was fetched for the call',
  ).toBe(true);
  await checkScreen(kiosk, 'kiosk-6-call');
  await checkScreen(agent, 'console-4-call');
  // The ring stopped on accepting, and has stayed silent for longer than a ring's period (2.5 s).
  const silentFor = Date.now() - acceptedAt;
  if (silentFor < 2600) await agent.waitForTimeout(2600 - silentFor);
  const heardAfter = (await soundHeardAt(agent))
    .map((at) => at - acceptedAt)
    .filter((ms) => ms > 300);
  expect(heardAfter, 'ms after accepting at which the ring was still heard').toEqual([]);

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await expect(agent.getByRole('dialog', { name: 'Akhiri panggilan?' })).toBeVisible();
  await checkScreen(agent, 'console-5-end-confirm');
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await checkScreen(kiosk, 'kiosk-7-thanks');
  await endWrapUp(agent, true);
  // The satisfaction survey is optional: this visitor skips it.
  await kiosk.getByRole('button', { name: 'Skip the survey' }).click();
  await expect(
    kiosk.getByRole('button', { name: /Sentuh untuk mulai|Touch to start/ }),
  ).toBeVisible();

  await kiosk.getByRole('button', { name: 'English' }).click();
  const second = await takeTicket(kiosk, false);
  await expect(offer).toContainText(second);
  await offer.getByRole('button', { name: 'Terima', exact: true }).click();
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  await kiosk.getByRole('button', { name: 'End call' }).click();
  await expect(kiosk.getByRole('dialog', { name: 'End the call?' })).toBeVisible();
  await checkScreen(kiosk, 'kiosk-8-end-confirm');
  await kiosk.getByRole('button', { name: 'Yes, end call' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await endWrapUp(agent);
  await expect(agent.getByRole('heading', { name: `Panggilan dengan ${second}` })).toBeHidden();
});

test('a wrong password is refused with a message in the officer’s language', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/console/');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await checkScreen(page, 'console-0-signin');
  await page.getByLabel('Nama pengguna').fill('petugas1');
  await page.getByLabel('Kata sandi').fill('salah-sekali');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('Nama pengguna atau kata sandi salah');
  await checkScreen(page, 'console-0-signin-error');
});
