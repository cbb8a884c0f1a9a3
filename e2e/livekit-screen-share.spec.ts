import { expect, test, type Browser, type Page } from './support/test.js';
import { chromiumLaunchOptions } from './support/chromium.js';
import { startLiveKitLoket, startLoket, type Loket } from './support/livekit-loket.js';
import {
  framesShown,
  paintCameraMagenta,
  paintCameras,
  recordPeerConnections,
  videoColour,
  waitForDecodedFrames,
} from './support/media.js';
import { acceptOffer, takeTicket } from './support/journey.js';
import { checkScreen } from './support/screens.js';

// Two fake cameras, so the officer has one to switch to. The screen is Chromium's own capture of
// its fake display (a green test pattern): the screen share is real, only the screen is fake.
test.use({ launchOptions: chromiumLaunchOptions({ fakeDevice: 'device-count=2' }) });

const MAGENTA: [number, number, number] = [255, 0, 255];
const BLUE: [number, number, number] = [0, 0, 255];
const SHARED_SCREEN = "Officer's shared screen";

let loket: Loket;

async function openKiosk(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: loket.baseURL,
    viewport: { width: 1080, height: 1600 },
  });
  await recordPeerConnections(context);
  // Magenta, not the fake green: what the kiosk shows green can only be the officer's screen.
  await paintCameraMagenta(context);
  const page = await context.newPage();
  await page.goto(loket.kioskLink());
  return page;
}

async function openConsole(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: loket.baseURL,
    viewport: { width: 1440, height: 900 },
  });
  await recordPeerConnections(context);
  await paintCameras(context, [MAGENTA, BLUE]);
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill('petugas1');
  await page.getByLabel('Kata sandi').fill(loket.password('petugas1'));
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Konsol petugas' })).toBeVisible();
  return page;
}

/** Whether the middle of a video is near `expected`, each channel within 60. */
async function shows(page: Page, label: string, expected: [number, number, number]) {
  const colour = await videoColour(page, label);
  return colour.every((channel, index) => Math.abs(channel - expected[index]!) < 60);
}

async function startCall(browser: Browser): Promise<{ agent: Page; kiosk: Page }> {
  const agent = await openConsole(browser);
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  const kiosk = await openKiosk(browser);
  const number = await takeTicket(kiosk);
  await acceptOffer(agent, number);
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  expect(await waitForDecodedFrames(agent)).toBeGreaterThan(0);
  return { agent, kiosk };
}

/** The officer shares their screen, the kiosk shows it beside the officer, and it stops. */
async function shareScreen(browser: Browser, shoot: boolean): Promise<void> {
  const { agent, kiosk } = await startCall(browser);

  // Both sides see the connection quality, in words, once LiveKit has measured it. The shown
  // line comes first; a hidden live region after it may repeat it when a link turns weak.
  await expect(kiosk.getByText(/^(Good|Fair|Weak) signal$/).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(agent.getByText(/^Koneksi Anda: (baik|cukup|lemah)$/).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(agent.getByText(/^Koneksi pengunjung: (baik|cukup|lemah)$/).first()).toBeVisible({
    timeout: 30_000,
  });
  if (shoot) await checkScreen(agent, 'console-call-devices-quality');

  await agent.getByRole('button', { name: 'Bagikan layar' }).click();
  await expect(agent.getByRole('button', { name: 'Berhenti berbagi layar' })).toBeVisible();
  await expect(kiosk.getByLabel(SHARED_SCREEN)).toBeVisible();
  await expect
    .poll(() => framesShown(kiosk, SHARED_SCREEN), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const [red, green, blue] = await videoColour(kiosk, SHARED_SCREEN);
        return green > 100 && red < 100 && blue < 100;
      },
      { message: 'the kiosk shows the officer’s green screen, not a camera', timeout: 30_000 },
    )
    .toBe(true);
  // The officer's face stays beside the screen.
  await expect.poll(() => shows(kiosk, "Officer's video", MAGENTA)).toBe(true);
  if (shoot) {
    await checkScreen(kiosk, 'kiosk-call-shared-screen');
    await checkScreen(agent, 'console-call-sharing');
  }

  await agent.getByRole('button', { name: 'Berhenti berbagi layar' }).click();
  await expect(kiosk.getByLabel(SHARED_SCREEN)).toHaveCount(0);
  await expect(agent.getByRole('button', { name: 'Bagikan layar' })).toBeVisible();

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await agent.context().close();
  await kiosk.context().close();
}

test.describe('over LiveKit', () => {
  test.beforeAll(async () => {
    loket = await startLiveKitLoket();
  });
  test.afterAll(async () => {
    await loket?.stop();
  });

  test('the officer’s screen share reaches the kiosk, and stops', async ({ browser }) => {
    await shareScreen(browser, true);
  });

  test('the officer switches camera and the kiosk sees the other one', async ({ browser }) => {
    await switchCamera(browser);
  });
});

test.describe('peer to peer', () => {
  test.beforeAll(async () => {
    loket = await startLoket({});
  });
  test.afterAll(async () => {
    await loket?.stop();
  });

  test('the officer’s screen share reaches the kiosk, and stops', async ({ browser }) => {
    await shareScreen(browser, false);
  });

  test('the officer switches camera and the kiosk sees the other one', async ({ browser }) => {
    await switchCamera(browser);
  });
});

/** The officer picks their second camera during the call; the kiosk shows its colour. */
async function switchCamera(browser: Browser): Promise<void> {
  const { agent, kiosk } = await startCall(browser);
  await expect.poll(() => shows(kiosk, "Officer's video", MAGENTA)).toBe(true);

  const camera = agent.getByRole('combobox', { name: 'Kamera' });
  const cameras = camera.getByRole('option');
  await expect(cameras).toHaveText(['fake_device_0', 'fake_device_1']);
  await camera.selectOption({ label: 'fake_device_1' });

  await expect
    .poll(() => shows(kiosk, "Officer's video", BLUE), {
      message: 'the kiosk shows the second, blue camera',
      timeout: 30_000,
    })
    .toBe(true);
  await expect(camera).toHaveValue((await cameras.nth(1).getAttribute('value')) ?? '');
  await expect(agent.getByRole('combobox', { name: 'Mikrofon' })).toBeVisible();

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await agent.context().close();
  await kiosk.context().close();
}
