import { expect, test, type Page } from './support/test.js';
import { openCallConsole, openCallKiosk, remotePorts } from './support/call-pages.js';
import { chromiumLaunchOptions } from './support/chromium.js';
import { freePort } from './support/free-port.js';
import { takeTicket } from './support/journey.js';
import { startLoket, type Loket } from './support/livekit-loket.js';
import {
  livekitNodesMissingReason,
  startLiveKitNodes,
  type LiveKitNodes,
} from './support/livekit-nodes.js';
import { videoColour, waitForDecodedFrames } from './support/media.js';
import { checkScreen } from './support/screens.js';

test.use({ launchOptions: chromiumLaunchOptions({ fakeDevice: 'fps=30' }) });

// CI installs livekit-server, Redis and HAProxy; a test that needs them fails without them.
const missing = livekitNodesMissingReason();

let livekit: LiveKitNodes;
let loket: Loket;
test.beforeAll(async () => {
  if (missing) throw new Error(`two LiveKit nodes need ${missing}`);
  const port = await freePort();
  livekit = await startLiveKitNodes(`http://127.0.0.1:${port}/livekit/webhook`);
  loket = await startLoket({
    PORT: String(port),
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
  });
});
test.afterAll(async () => {
  await loket?.stop();
  await livekit?.stop();
});

test('a call whose kiosk and officer reach LiveKit through different nodes carries video both ways', async ({
  browser,
}) => {
  const agent = await openCallConsole(browser, loket);
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  const kiosk = await openCallKiosk(browser, loket);
  const number = await takeTicket(kiosk);
  const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
  await expect(offer).toContainText(number);
  await offer.getByRole('button', { name: 'Terima', exact: true }).click();

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
      { message: 'the kiosk shows the officer’s magenta camera' },
    )
    .toBe(true);
  // The kiosk signalled through the second node, the officer (and Loket) through the first.
  const [first, second] = await livekit.sessions();
  expect(first, 'connections through the first node').toBeGreaterThan(0);
  expect(second, 'connections through the second node').toBeGreaterThan(0);
  // Both sides' media reach the RTC ports of one node, the room's, whichever node they signal
  // through: not each other, and not two nodes.
  const mediaNodes = async (page: Page) => {
    const ports = await remotePorts(page);
    expect(ports.length).toBeGreaterThan(0);
    return ports.map((port) => livekit.nodes.findIndex((node) => node.rtcPorts.includes(port)));
  };
  const kioskNodes = await mediaNodes(kiosk);
  const agentNodes = await mediaNodes(agent);
  expect(new Set([...kioskNodes, ...agentNodes]).size).toBe(1);
  expect(kioskNodes[0]).not.toBe(-1);
  await checkScreen(kiosk, 'livekit-multinode-kiosk-call');

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await agent.context().close();
  await kiosk.context().close();
});
