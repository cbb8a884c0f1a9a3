import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoCredentials, passwordOf } from './support/server.js';
import {
  paintCameraMagenta,
  recordPeerConnections,
  videoColour,
  waitForDecodedFrames,
} from './support/media.js';
import { checkScreen } from './support/screens.js';

const OFFICE = 'Ministry of Manpower — One-Stop Service';

async function openKiosk(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1600 } });
  await recordPeerConnections(context);
  const page = await context.newPage();
  await page.goto(`/kiosk/?device=${demoCredentials().kioskToken}`);
  return page;
}

async function openConsole(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await recordPeerConnections(context);
  await paintCameraMagenta(context);
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(passwordOf(username));
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

/** After a call the officer wraps up; going available again ends it. */
async function endWrapUp(agent: Page) {
  await expect(agent.getByText('Menyelesaikan catatan').first()).toBeVisible();
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  await expect(agent.getByRole('button', { name: 'Siap melayani' })).toBeDisabled();
}

async function takeTicket(kiosk: Page, shoot: boolean) {
  await kiosk.getByRole('button', { name: 'Touch to start' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Choose a service' })).toBeVisible();
  if (shoot) await checkScreen(kiosk, 'kiosk-2-service');
  await kiosk.getByRole('button', { name: 'Public information (PPID)' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Camera and microphone' })).toBeVisible();
  if (shoot) await checkScreen(kiosk, 'kiosk-3-consent');
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

  const kiosk = await openKiosk(browser);
  await expect(kiosk.getByRole('heading', { name: /Kementerian Ketenagakerjaan/ })).toBeVisible();
  await checkScreen(kiosk, 'kiosk-1-attract-id');
  await kiosk.getByRole('button', { name: 'English' }).click();
  await expect(kiosk.getByRole('heading', { name: OFFICE })).toBeVisible();
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'en');
  await checkScreen(kiosk, 'kiosk-1-attract-en');

  const number = await takeTicket(kiosk, true);
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

  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(number);
  await expect(offer).toContainText('Informasi publik (PPID)');
  await checkScreen(agent, 'console-3-offer');
  await offer.getByRole('button', { name: 'Terima' }).click();

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
  await checkScreen(kiosk, 'kiosk-6-call');
  await checkScreen(agent, 'console-4-call');

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await checkScreen(kiosk, 'kiosk-7-thanks');
  await endWrapUp(agent);
  await kiosk.getByRole('button', { name: 'Finish' }).click();
  await expect(
    kiosk.getByRole('button', { name: /Sentuh untuk mulai|Touch to start/ }),
  ).toBeVisible();

  await kiosk.getByRole('button', { name: 'English' }).click();
  const second = await takeTicket(kiosk, false);
  await expect(offer).toContainText(second);
  await offer.getByRole('button', { name: 'Terima' }).click();
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  await kiosk.getByRole('button', { name: 'End call' }).click();
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
  await page.getByLabel('Nama pengguna').fill('petugas1');
  await page.getByLabel('Kata sandi').fill('salah-sekali');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('Nama pengguna atau kata sandi salah');
  await checkScreen(page, 'console-0-signin-error');
});
