import { expect, test, type Browser, type Page } from '@playwright/test';
import { startLoket, type Loket } from './support/livekit-loket.js';
import { acceptOffer, expectVideoFlowing, takeTicket } from './support/journey.js';
import {
  paintCameraMagenta,
  recordPeerConnections,
  videoColour,
  waitForDecodedFrames,
} from './support/media.js';
import { checkScreen } from './support/screens.js';

// A peer-to-peer call whose officer reloads the console mid-call: the console comes back into
// the same call, and both sides connect afresh, because the kiosk sees a new session and drops
// the connection it had with the old page.

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

test('an officer who reloads the console mid-call is back in the same call, video both ways', async ({
  browser,
}) => {
  const agent = await openConsole(browser);
  const kiosk = await openKiosk(browser);
  const number = await takeTicket(kiosk);
  await acceptOffer(agent, number);
  const inCall = agent.getByRole('heading', { name: `Panggilan dengan ${number}` });
  await expect(inCall).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  expect(await waitForDecodedFrames(agent)).toBeGreaterThan(0);

  await agent.reload();

  await expect(inCall).toBeVisible();
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
