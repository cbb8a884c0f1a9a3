import { expect, test, type Page } from './support/test.js';
import { RoomServiceClient } from 'livekit-server-sdk';
import { openCallConsole, openCallKiosk, remotePorts } from './support/call-pages.js';
import { chromiumLaunchOptions } from './support/chromium.js';
import { takeTicket } from './support/journey.js';
import { startLiveKitLoket, type LiveKitLoket } from './support/livekit-loket.js';
import { framesDecoded, videoColour, waitForDecodedFrames } from './support/media.js';

// The same Chromium, with a fake camera that can deliver 30 fps (its default is 20), so a
// sign-language call can get the 25 fps it asks for.
test.use({ launchOptions: chromiumLaunchOptions({ fakeDevice: 'fps=30' }) });

let loket: LiveKitLoket;
test.beforeAll(async () => {
  loket = await startLiveKitLoket();
});
test.afterAll(async () => {
  await loket?.stop();
});

test('a visitor and an officer talk over LiveKit: frames decoded both ways', async ({
  browser,
}) => {
  const agent = await openCallConsole(browser, loket, 'petugas1');
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  const kiosk = await openCallKiosk(browser, loket);
  const requested: string[] = [];
  kiosk.on('request', (request) => requested.push(request.url()));
  await kiosk.reload();
  await expect(kiosk.getByRole('button', { name: 'English' })).toBeVisible();
  expect(
    requested.filter((url) => url.includes('livekit-client')),
    'in the first screen’s bundle',
  ).toEqual([]);
  const number = await takeTicket(kiosk);

  const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
  await expect(offer).toContainText(number);
  // While the offer rings, both are already in the call's room: the officer's camera and
  // microphone are published muted, the kiosk publishes nothing, and no picture reaches it.
  const rooms = new RoomServiceClient(
    loket.livekit.url.replace(/^ws/, 'http'),
    loket.livekit.apiKey,
    loket.livekit.apiSecret,
  );
  await expect
    .poll(async () => {
      const [room, ...others] = await rooms.listRooms();
      if (!room || others.length > 0) return [];
      const participants = await rooms.listParticipants(room.name);
      return participants
        .map(({ identity, tracks }) => {
          const muted = tracks.filter((t) => t.muted).length;
          return `${identity.split(':')[0]}: ${tracks.length} tracks, ${muted} muted`;
        })
        .sort();
    })
    .toEqual(['agent: 2 tracks, 2 muted', 'kiosk: 0 tracks, 0 muted']);
  expect(await framesDecoded(kiosk)).toBe(0);
  await offer.getByRole('button', { name: 'Terima', exact: true }).click();

  await expect(kiosk.getByRole('heading', { name: 'In a call with an officer' })).toBeVisible();
  await expect(agent.getByRole('heading', { name: `Panggilan dengan ${number}` })).toBeVisible();
  expect(await waitForDecodedFrames(kiosk)).toBeGreaterThan(0);
  expect(await waitForDecodedFrames(agent)).toBeGreaterThan(0);
  expect(requested.some((url) => url.includes('livekit-client'))).toBe(true);
  await expect
    .poll(
      async () => {
        const [red, green, blue] = await videoColour(kiosk, "Officer's video");
        return red > 200 && green < 60 && blue > 200;
      },
      { message: 'the kiosk shows the officer’s magenta camera, through the LiveKit server' },
    )
    .toBe(true);
  // The media went through livekit-server, not peer to peer: every remote end is its RTC port.
  const ports = await remotePorts(kiosk);
  expect(ports.length).toBeGreaterThan(0);
  for (const port of ports) expect(loket.livekit.rtcPorts).toContain(port);

  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await agent.context().close();
  await kiosk.context().close();
});

/** What the page's camera sender actually applied: encoder parameters and camera settings. */
function cameraSender(page: Page) {
  return page.evaluate(() => {
    const pcs =
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    for (const pc of pcs) {
      for (const sender of pc.getSenders()) {
        if (sender.track?.kind !== 'video') continue;
        const parameters = sender.getParameters() as RTCRtpSendParameters & {
          degradationPreference?: string;
        };
        const settings = sender.track.getSettings();
        return {
          degradationPreference: parameters.degradationPreference ?? null,
          maxFramerates: parameters.encodings.map((e) => e.maxFramerate ?? null),
          width: settings.width ?? 0,
          height: settings.height ?? 0,
          frameRate: settings.frameRate ?? 0,
        };
      }
    }
    return null;
  });
}

test('a BISINDO call keeps its frame rate: 720p at 25 fps, maintain-framerate', async ({
  browser,
}) => {
  const agent = await openCallConsole(browser, loket, 'petugas1');
  await agent.getByRole('button', { name: 'Siap melayani' }).click();
  const kiosk = await openCallKiosk(browser, loket);
  const number = await takeTicket(kiosk, true, true);
  const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
  await expect(offer).toContainText(number);
  await offer.getByRole('button', { name: 'Terima', exact: true }).click();
  expect(await waitForDecodedFrames(agent)).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const sender = await cameraSender(kiosk);
      return sender && { ...sender, frameRate: sender.frameRate >= 25 ? '≥ 25' : sender.frameRate };
    })
    .toEqual({
      degradationPreference: 'maintain-framerate',
      maxFramerates: [25],
      width: 1280,
      height: 720,
      frameRate: '≥ 25',
    });
  await agent.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await agent.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await agent.context().close();
  await kiosk.context().close();
});
