import { expect, test, type Browser, type Page } from './support/test.js';
import { acceptOffer, takeTicket } from './support/journey.js';
import { startLoket, type Loket } from './support/livekit-loket.js';
import { startCoturn, type Coturn } from './support/livekit-turn.js';
import {
  paintCameraMagenta,
  recordPeerConnections,
  waitForDecodedFrames,
} from './support/media.js';

// P2P calls relayed by coturn only (no direct path allowed), with the TURN logins Loket derives
// from the secret it shares with coturn. Kept beside the LiveKit tests: both are about media.
let coturn: Coturn;
let loket: Loket;
test.beforeAll(async () => {
  coturn = await startCoturn();
  loket = await startLoket({
    TURN_URLS: coturn.url,
    TURN_SECRET: coturn.secret,
    TURN_TTL_SECONDS: '300',
  });
});
test.afterAll(async () => {
  await loket?.stop();
  await coturn?.stop();
});

async function relayOnlyPage(browser: Browser, magenta: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: loket.baseURL });
  // Every connection may use relay candidates only: media must flow through coturn.
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super({ ...config, iceTransportPolicy: 'relay' });
      }
    } as typeof RTCPeerConnection;
  });
  await recordPeerConnections(context);
  if (magenta) await paintCameraMagenta(context);
  return context.newPage();
}

/** The candidate types of the pair each connection uses. */
function selectedCandidateTypes(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const pcs =
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    const types: string[] = [];
    for (const pc of pcs) {
      if (pc.connectionState !== 'connected') continue;
      const stats = await pc.getStats();
      const byId = new Map<string, { candidateType?: string }>();
      stats.forEach((report: { id: string; candidateType?: string }) =>
        byId.set(report.id, report),
      );
      stats.forEach(
        (report: {
          type: string;
          state?: string;
          nominated?: boolean;
          localCandidateId?: string;
          remoteCandidateId?: string;
        }) => {
          if (report.type !== 'candidate-pair' || report.state !== 'succeeded' || !report.nominated)
            return;
          types.push(
            `${byId.get(report.localCandidateId ?? '')?.candidateType}/${byId.get(report.remoteCandidateId ?? '')?.candidateType}`,
          );
        },
      );
    }
    return types;
  });
}

test('a P2P call works relay-only through coturn with time-limited TURN logins', async ({
  browser,
}) => {
  const agent = await relayOnlyPage(browser, true);
  await agent.goto('/console/');
  await agent.getByLabel('Nama pengguna').fill('petugas1');
  await agent.getByLabel('Kata sandi').fill(loket.password('petugas1'));
  await agent.getByRole('button', { name: 'Masuk' }).click();
  await agent.getByRole('button', { name: 'Siap melayani' }).click();

  const kiosk = await relayOnlyPage(browser, false);
  await kiosk.goto(loket.kioskLink());
  const number = await takeTicket(kiosk);

  await acceptOffer(agent, number);
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  expect(await waitForDecodedFrames(agent)).toBeGreaterThan(0);
  const types = await selectedCandidateTypes(kiosk);
  expect(types.length).toBeGreaterThan(0);
  for (const pair of types) expect(pair).toBe('relay/relay');

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await agent.context().close();
  await kiosk.context().close();
});
