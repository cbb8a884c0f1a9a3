import { expect, test, type Browser, type Page } from './support/test.js';
import { startLoket, type Loket } from './support/livekit-loket.js';
import { acceptOffer, expectVideoFlowing, takeTicket } from './support/journey.js';
import {
  paintCameraMagenta,
  recordPeerConnections,
  videoColour,
  waitForDecodedFrames,
} from './support/media.js';
import { checkScreen } from './support/screens.js';

// A peer-to-peer call whose officer reloads the console mid-call, or opens it in a second
// window: the newest console comes back into the same call, and both sides connect afresh,
// because the kiosk sees a new session and drops the connection it had with the old page.

let loket: Loket;
test.beforeAll(async () => {
  loket = await startLoket({});
});
test.afterAll(async () => {
  await loket?.stop();
});

async function openConsole(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: loket.baseURL });
  await recordPeerConnections(context);
  await paintCameraMagenta(context);
  const agent = await context.newPage();
  await agent.goto('/console/');
  await agent.getByLabel('Nama pengguna').fill('petugas1');
  await agent.getByLabel('Kata sandi').fill(loket.password('petugas1'));
  await agent.getByRole('button', { name: 'Masuk' }).click();
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  return agent;
}

async function openKiosk(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: loket.baseURL,
    viewport: { width: 1080, height: 1600 },
  });
  await recordPeerConnections(context);
  const kiosk = await context.newPage();
  await kiosk.goto(loket.kioskLink());
  return kiosk;
}

/** An officer and a kiosk in a call, each decoding the other's video. */
async function callUnderWay(browser: Browser) {
  const agent = await openConsole(browser);
  const kiosk = await openKiosk(browser);
  const number = await takeTicket(kiosk);
  await acceptOffer(agent, number);
  const inCall = (page: Page) => page.getByRole('heading', { name: `Panggilan dengan ${number}` });
  await expect(inCall(agent)).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  expect(await waitForDecodedFrames(agent)).toBeGreaterThan(0);
  return { agent, kiosk, inCall };
}

test('an officer who reloads the console mid-call is back in the same call, video both ways', async ({
  browser,
}) => {
  const { agent, kiosk, inCall } = await callUnderWay(browser);

  await agent.reload();

  await expect(inCall(agent)).toBeVisible();
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  await expectVideoFlowing(agent, 'the reloaded console');
  await expectVideoFlowing(kiosk, 'the kiosk');
  // The kiosk shows the officer's camera from the new page, not a frozen last frame.
  await expect
    .poll(
      async () => {
        const [red, green, blue] = await videoColour(kiosk, "Officer's video");
        return red > 200 && green < 60 && blue > 200;
      },
      { message: 'the kiosk shows the officer’s magenta camera again' },
    )
    .toBe(true);
  // The kiosk started over with a connection of its own instead of renegotiating the old one.
  const kioskConnections = await kiosk.evaluate(() =>
    ((window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections ?? []).map(
      (pc) => pc.connectionState,
    ),
  );
  expect(kioskConnections).toEqual(['closed', 'connected']);
  await checkScreen(agent, 'console-call-rejoined');

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await agent.context().close();
  await kiosk.context().close();
});

test('an officer who opens the console in a second window carries on the call there, and the first window says so and can take it back', async ({
  browser,
}) => {
  const { agent, kiosk, inCall } = await callUnderWay(browser);

  // The same session in another window of the same browser.
  const second = await agent.context().newPage();
  await second.goto('/console/');
  await expect(inCall(second)).toBeVisible();
  const replaced = (page: Page) =>
    page.getByRole('heading', { name: 'Konsol dibuka di jendela lain' });
  await expect(replaced(agent)).toBeFocused();
  await expect(inCall(agent)).toBeHidden();
  await expectVideoFlowing(second, 'the second window');
  await expectVideoFlowing(kiosk, 'the kiosk');
  await checkScreen(agent, 'console-replaced');

  await agent.getByRole('button', { name: 'Gunakan konsol di sini' }).click();
  await expect(inCall(agent)).toBeVisible();
  await expect(replaced(second)).toBeVisible();
  await expectVideoFlowing(agent, 'the first window, taken back');
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await agent.context().close();
  await kiosk.context().close();
});
