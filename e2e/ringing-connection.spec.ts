import { expect, test, type Page } from './support/test.js';
import { availableOfficer, goAvailable } from './support/console.js';
import { acceptOffer, takeTicket } from './support/journey.js';
import { DEMO_KIOSK, openPairedKiosk } from './support/kiosk-pairing.js';
import {
  framesEncoded,
  recordPeerConnections,
  statTotal,
  waitForDecodedFrames,
} from './support/media.js';
import { checkScreen } from './support/screens.js';
import { E2E_DATA_DIR } from './support/server.js';

/** The state of each peer connection the page has made, oldest first. */
function peerStates(page: Page): Promise<RTCPeerConnectionState[]> {
  return page.evaluate(() =>
    (
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? []
    ).map((pc) => pc.connectionState),
  );
}

/** Media bytes and video frames that reached the page on any of its peer connections. */
async function mediaReceived(page: Page): Promise<{ bytes: number; frames: number }> {
  return {
    bytes: await statTotal(page, { type: 'inbound-rtp', counter: 'bytesReceived' }),
    frames: await statTotal(page, { type: 'inbound-rtp', counter: 'framesDecoded' }),
  };
}

/** A page that records its peer connections from now on (it is loaded again to do so). */
async function recording(page: Page, ready: string): Promise<Page> {
  await recordPeerConnections(page.context());
  await page.reload();
  await expect(page.getByRole('button', { name: ready })).toBeVisible();
  return page;
}

test("while an offer rings, kiosk and officer connect and the officer's camera encodes without sending anything; a declined offer closes the connection, an accepted one runs the call on it", async ({
  browser,
}) => {
  const agent = await recording(await availableOfficer(browser), 'Siap melayani');
  await goAvailable(agent);
  const kiosk = await recording(
    await openPairedKiosk(browser, E2E_DATA_DIR, DEMO_KIOSK),
    'Sentuh untuk mulai',
  );

  const number = await takeTicket(kiosk);
  const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
  await expect(offer).toContainText(number);
  // ICE and DTLS are done while it rings, on both sides. An officer an earlier test left
  // available may have been offered the ticket first: what the kiosk made for that offer is closed.
  await expect.poll(() => peerStates(agent)).toEqual(['connected']);
  await expect.poll(async () => (await peerStates(kiosk)).at(-1)).toBe('connected');
  const ringing = (await peerStates(kiosk)).length - 1;
  expect(new Set((await peerStates(kiosk)).slice(0, ringing))).not.toContain('connected');
  // The officer's camera is already encoding on it, so the accept does not wait for an encoder.
  await expect.poll(() => framesEncoded(agent)).toBeGreaterThan(0);
  // Yet nothing of the officer reached the kiosk: no picture, no name, not a byte of media; and
  // nothing of the visitor reached the officer.
  await kiosk.waitForTimeout(1000);
  expect(await mediaReceived(kiosk)).toEqual({ bytes: 0, frames: 0 });
  expect(await mediaReceived(agent)).toEqual({ bytes: 0, frames: 0 });
  await expect(kiosk.getByRole('heading', { name: 'Your ticket number' })).toBeVisible();
  await expect(kiosk.getByLabel("Officer's video")).toHaveCount(0);
  await expect(kiosk.getByText(/Sari/)).toHaveCount(0);
  await checkScreen(kiosk, 'kiosk-ringing-connected');

  // Declined: both ends close what they connected for it.
  await offer.getByRole('button', { name: 'Tolak' }).click();
  await expect.poll(async () => (await peerStates(kiosk))[ringing]).toBe('closed');
  await expect.poll(async () => (await peerStates(agent))[0]).toBe('closed');

  // The ticket rings again for the officer, still available; accepted, the call runs on the
  // connection made while it rang.
  await expect(offer).toContainText(number);
  await expect.poll(async () => (await peerStates(kiosk)).at(-1)).toBe('connected');
  const made = (await peerStates(kiosk)).length;
  await acceptOffer(agent, number);
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  expect(await peerStates(kiosk)).toHaveLength(made);
  await kiosk.getByRole('button', { name: 'End call' }).click();
  await kiosk.getByRole('button', { name: 'Yes, end call' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await goAvailable(agent);
});

test('a console and kiosk whose worker for held video cannot load still connect ahead, and the visitor sees the officer', async ({
  browser,
}) => {
  const agent = await recording(await availableOfficer(browser), 'Siap melayani');
  const kiosk = await recording(
    await openPairedKiosk(browser, E2E_DATA_DIR, DEMO_KIOSK),
    'Sentuh untuk mulai',
  );
  // As after an update, when an open page asks for a worker script that is no longer there.
  for (const page of [agent, kiosk]) {
    await page
      .context()
      .route('**/encoded-video-worker-*.js', (route) => route.fulfill({ status: 404, body: '' }));
  }
  await goAvailable(agent);
  const number = await takeTicket(kiosk);
  await expect(agent.getByRole('alertdialog', { name: 'Panggilan masuk' })).toContainText(number);
  await expect.poll(() => peerStates(agent)).toEqual(['connected']);
  // No hold without its worker: the camera waits for the accept, as it did before there was one.
  expect(await framesEncoded(agent)).toBe(0);
  await acceptOffer(agent, number);
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  await kiosk.getByRole('button', { name: 'End call' }).click();
  await kiosk.getByRole('button', { name: 'Yes, end call' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await goAvailable(agent);
});
