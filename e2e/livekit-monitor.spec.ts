import { expect, test, type Browser, type BrowserContext, type Page } from './support/test.js';
import { startLiveKitLoket, type LiveKitLoket } from './support/livekit-loket.js';
import {
  paintCameraMagenta,
  recordPeerConnections,
  videoColour,
  waitForDecodedFrames,
} from './support/media.js';
import { acceptOffer, takeTicket } from './support/journey.js';
import { checkScreen } from './support/screens.js';

let loket: LiveKitLoket;
test.beforeAll(async () => {
  loket = await startLiveKitLoket();
});
test.afterAll(async () => {
  await loket?.stop();
});

/**
 * Everything a page hears from the LiveKit server on its signalling socket, as text: participant
 * identities and names travel there as plain UTF-8 inside protobuf.
 */
function recordLiveKitSignals(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().startsWith(loket.livekit.url)) return;
    socket.on('framereceived', ({ payload }) =>
      frames.push(typeof payload === 'string' ? payload : payload.toString('latin1')),
    );
  });
  return frames;
}

async function newContext(browser: Browser, width: number, height: number) {
  const context = await browser.newContext({ baseURL: loket.baseURL, viewport: { width, height } });
  await recordPeerConnections(context);
  return context;
}

async function signIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(loket.password(username));
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

/** Inbound video streams of a page: how many, and how many have decoded a frame. */
function inboundVideo(page: Page): Promise<{ streams: number; decoding: number }> {
  return page.evaluate(async () => {
    const pcs =
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    const counts = { streams: 0, decoding: 0 };
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach(
        (report: { type: string; kind?: string; framesDecoded?: number }) => {
          if (report.type !== 'inbound-rtp' || report.kind !== 'video') return;
          counts.streams += 1;
          if ((report.framesDecoded ?? 0) > 0) counts.decoding += 1;
        },
      );
    }
    return counts;
  });
}

/** Media the page sends: outbound RTP streams with at least one packet. */
function outboundStreams(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pcs =
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    let sent = 0;
    for (const pc of pcs) {
      (await pc.getStats()).forEach((report: { type: string; packetsSent?: number }) => {
        if (report.type === 'outbound-rtp' && (report.packetsSent ?? 0) > 0) sent += 1;
      });
    }
    return sent;
  });
}

/** What a labelled video element shows: its picture size and its audio tracks. */
function videoState(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).evaluate((element) => {
    const video = element as HTMLVideoElement;
    const stream = video.srcObject as MediaStream | null;
    return {
      width: video.videoWidth,
      muted: video.muted,
      audioTracks: stream?.getAudioTracks().length ?? 0,
    };
  });
}

test('A manager monitors silently: kiosk and agent see no third participant, the manager decodes both.', async ({
  browser,
}) => {
  const agentContext = await newContext(browser, 1440, 900);
  await paintCameraMagenta(agentContext);
  const agent = await signIn(agentContext, 'petugas1');
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  const agentSignals = recordLiveKitSignals(agent);

  const kiosk = await (await newContext(browser, 1080, 1600)).newPage();
  const kioskSignals = recordLiveKitSignals(kiosk);
  await kiosk.goto(loket.kioskLink());
  const number = await takeTicket(kiosk);

  await acceptOffer(agent, number);
  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  expect(await waitForDecodedFrames(agent)).toBeGreaterThan(0);
  const kioskVideos = await kiosk.locator('video').count();
  const agentVideos = await agent.locator('video').count();

  const managerContext = await newContext(browser, 1440, 900);
  const loaded: string[] = [];
  managerContext.on('request', (request) => loaded.push(request.url()));
  const manager = await signIn(managerContext, 'koordinator');
  await expect(manager.getByRole('heading', { name: 'Antrian langsung' })).toBeVisible();
  const calls = manager.getByRole('table', { name: 'Panggilan berlangsung' });
  const row = calls.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('Sari Wulandari');
  const livekitChunk = (url: string) => /\/assets\/livekit-[^/]*\.js$/.test(url);
  expect(loaded.filter(livekitChunk), 'livekit-client before watching').toEqual([]);
  await checkScreen(manager, 'console-manager-calls');
  await row.getByRole('button', { name: 'Pantau panggilan' }).click();

  const monitor = manager.getByRole('dialog', { name: `Memantau panggilan ${number}` });
  await expect(monitor).toBeVisible();
  const visitorLabel = `Pengunjung ${number}`;
  const officerLabel = 'Petugas Sari Wulandari';
  await expect(monitor.getByLabel(visitorLabel, { exact: true })).toBeVisible();
  await expect(monitor.getByLabel(officerLabel, { exact: true })).toBeVisible();
  await expect
    .poll(() => inboundVideo(manager), { message: 'the manager decodes both parties' })
    .toEqual({ streams: 2, decoding: 2 });
  await expect.poll(async () => (await videoState(manager, visitorLabel)).width).toBeGreaterThan(0);
  await expect.poll(async () => (await videoState(manager, officerLabel)).width).toBeGreaterThan(0);
  // Each tile shows its own party: only the officer's camera is magenta.
  const magenta = async (label: string) => {
    const [red, green, blue] = await videoColour(manager, label);
    return red > 200 && green < 60 && blue > 200;
  };
  await expect.poll(() => magenta(officerLabel)).toBe(true);
  expect(await magenta(visitorLabel)).toBe(false);
  expect(await outboundStreams(manager), 'the manager sends nothing').toBe(0);
  expect(loaded.some(livekitChunk), 'livekit-client loaded to watch').toBe(true);

  // Sound is off until the manager asks for it; both parties' microphones are there to hear.
  expect(await videoState(manager, visitorLabel)).toMatchObject({ muted: true, audioTracks: 1 });
  await monitor.getByRole('button', { name: 'Nyalakan suara' }).click();
  expect(await videoState(manager, visitorLabel)).toMatchObject({ muted: false, audioTracks: 1 });
  expect(await videoState(manager, officerLabel)).toMatchObject({ muted: false, audioTracks: 1 });
  await expect(monitor.getByRole('button', { name: 'Matikan suara' })).toBeVisible();
  await checkScreen(manager, 'console-manager-monitor');

  // The parties: still one picture each, no new video element, and LiveKit never told their
  // browsers about a third participant, although it did tell each about the other.
  expect(await inboundVideo(kiosk)).toEqual({ streams: 1, decoding: 1 });
  expect(await inboundVideo(agent)).toEqual({ streams: 1, decoding: 1 });
  expect(await kiosk.locator('video').count()).toBe(kioskVideos);
  expect(await agent.locator('video').count()).toBe(agentVideos);
  expect(kioskSignals.some((frame) => frame.includes('agent:'))).toBe(true);
  expect(agentSignals.some((frame) => frame.includes('kiosk:'))).toBe(true);
  for (const frames of [kioskSignals, agentSignals]) {
    expect(frames.filter((frame) => frame.includes('monitor:'))).toEqual([]);
    expect(frames.filter((frame) => frame.includes('Dewi Lestari'))).toEqual([]);
  }

  // The call ends while watched: its room goes, and the monitor says so.
  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expect(monitor.getByRole('status')).toHaveText('Panggilan telah berakhir.');
  await monitor.getByRole('button', { name: 'Berhenti memantau' }).click();
  await expect(monitor).toBeHidden();
  await expect(row, 'the ended call leaves the table').toBeHidden();
  for (const page of [agent, kiosk, manager]) await page.context().close();
});
