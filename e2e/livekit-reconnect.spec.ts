import fs from 'node:fs';
import { chromium, type BrowserServer } from '@playwright/test';
import { expect, test, type Browser, type Page } from './support/test.js';
import { launchChromiumServer } from './support/chromium.js';
import { startLiveKitLoket, type LiveKitLoket } from './support/livekit-loket.js';
import { acceptOffer, expectVideoFlowing, takeTicket } from './support/journey.js';
import { recordPeerConnections, waitForDecodedFrames } from './support/media.js';
import { checkScreen } from './support/screens.js';

// The kiosk's media is interrupted by freezing its whole browser (SIGSTOP on its process group):
// camera, network and LiveKit's signalling all go silent at once, as when a kiosk's cable is
// pulled, while the officer's browser and both servers carry on.

const GRACE_SECONDS = 10;

let loket: LiveKitLoket;
test.beforeAll(async () => {
  loket = await startLiveKitLoket({
    LOG_LEVEL: 'info',
    RECONNECT_GRACE_SECONDS: String(GRACE_SECONDS),
    WRAP_UP_SECONDS: '1',
  });
});
test.afterAll(async () => {
  await loket?.stop();
});

/** A kiosk in a browser of its own, so that it can be frozen without freezing the officer. */
async function startKiosk(): Promise<{ kiosk: Page; server: BrowserServer }> {
  const server = await launchChromiumServer();
  const browser: Browser = await chromium.connect(server.wsEndpoint());
  const context = await browser.newContext({
    baseURL: loket.baseURL,
    viewport: { width: 1080, height: 1600 },
    permissions: ['camera', 'microphone'],
  });
  await recordPeerConnections(context);
  const kiosk = await context.newPage();
  await kiosk.goto(loket.kioskLink());
  return { kiosk, server };
}

/** Stops or resumes every process of a browser: its media, its network and its scripts. */
function freeze(server: BrowserServer, frozen: boolean): void {
  const pid = server.process().pid;
  if (!pid) throw new Error('the kiosk browser has no process');
  // Playwright starts the browser as the leader of its own process group.
  process.kill(-pid, frozen ? 'SIGSTOP' : 'SIGCONT');
}

async function openConsole(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: loket.baseURL });
  await recordPeerConnections(context);
  const agent = await context.newPage();
  await agent.goto('/console/');
  await agent.getByLabel('Nama pengguna').fill('petugas1');
  await agent.getByLabel('Kata sandi').fill(loket.password('petugas1'));
  await agent.getByRole('button', { name: 'Masuk' }).click();
  // The officer may still be available from the test before; either way, ready to serve.
  const ready = agent.getByRole('button', { name: 'Siap melayani' });
  await expect(agent.getByRole('heading', { name: 'Konsol petugas' })).toBeVisible();
  if (await ready.isEnabled()) await ready.click();
  await expect(ready).toBeDisabled();
  return agent;
}

/** Visitor and officer in a LiveKit call, video flowing both ways. */
async function startCall(agent: Page, kiosk: Page): Promise<string> {
  const number = await takeTicket(kiosk);
  await acceptOffer(agent, number);
  await expect(agent.getByRole('heading', { name: `Panggilan dengan ${number}` })).toBeVisible();
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  expect(await waitForDecodedFrames(agent)).toBeGreaterThan(0);
  return number;
}

/** When the server heard from LiveKit that the kiosk's participant left the call's room. */
function kioskLeftAt(): number | null {
  for (const line of fs.readFileSync(loket.logFile, 'utf8').split('\n')) {
    if (!line.includes('"participant_left"') || !line.includes('"kiosk:')) continue;
    return (JSON.parse(line) as { time: number }).time;
  }
  return null;
}

test('a kiosk whose media stops for 5 s carries on with the same call', async ({ browser }) => {
  const agent = await openConsole(browser);
  const { kiosk, server } = await startKiosk();
  try {
    const number = await startCall(agent, kiosk);

    freeze(server, true);
    await agent.waitForTimeout(5000);
    freeze(server, false);

    await expectVideoFlowing(kiosk, 'the kiosk');
    await expectVideoFlowing(agent, 'the officer');
    // Past the reconnect grace the call is still the same one on both screens.
    await agent.waitForTimeout((GRACE_SECONDS + 2) * 1000);
    await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
    await expect(agent.getByRole('heading', { name: `Panggilan dengan ${number}` })).toBeVisible();
    await expectVideoFlowing(agent, 'the officer, after the grace');

    await kiosk.getByRole('button', { name: 'End call' }).click();
    await kiosk.getByRole('button', { name: 'Yes, end call' }).click();
    await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  } finally {
    freeze(server, false);
    await server.close();
    await agent.context().close();
  }
});

test('a kiosk whose media stays away past the grace loses the call, and the officer is told why within 5 s', async ({
  browser,
}) => {
  const agent = await openConsole(browser);
  const { kiosk, server } = await startKiosk();
  try {
    await startCall(agent, kiosk);

    freeze(server, true);
    const told = agent.getByText('Panggilan selesai: sambungan terputus.');
    await expect(told).toBeVisible({ timeout: 90_000 });
    const toldAt = Date.now();
    const leftAt = kioskLeftAt();
    expect(leftAt, 'LiveKit reported the kiosk gone').not.toBeNull();
    const afterGraceMs = toldAt - (leftAt! + GRACE_SECONDS * 1000);
    console.log(
      `kiosk media lost → LiveKit webhook after freeze; officer told ${afterGraceMs} ms after the grace ran out`,
    );
    expect(afterGraceMs).toBeGreaterThanOrEqual(0);
    expect(afterGraceMs).toBeLessThanOrEqual(5000);
    await expect(agent.getByRole('heading', { name: /^Panggilan dengan/ })).toBeHidden();
    await checkScreen(agent, 'console-call-lost');

    // Back from the outage, the kiosk says why the visit ended and is ready for the next person,
    // in the office's first language again.
    freeze(server, false);
    await expect(
      kiosk.getByRole('status').filter({ hasText: 'terlalu lama terputus' }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(kiosk.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible();
    await checkScreen(kiosk, 'kiosk-call-lost');
  } finally {
    freeze(server, false);
    await server.close();
    await agent.context().close();
  }
});
