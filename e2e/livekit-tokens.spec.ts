import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test, type Browser, type Page } from './support/test.js';
import { pairingLink } from './support/kiosk-pairing.js';
import { startLiveKitLoket, type LiveKitLoket } from './support/livekit-loket.js';
import { recordPeerConnections, waitForDecodedFrames } from './support/media.js';

// LiveKit takes the room from the signed token (a `room` asked for beside it is ignored), so a
// token of call A can only be pointed at call B by rewriting the room it names; and a token stays
// signed until it expires, so the replay is tried while it is still unexpired, after A ended.

const LIVEKIT_CLIENT_UMD = path.join(
  path.dirname(createRequire(path.resolve('shared/package.json')).resolve('livekit-client')),
  'livekit-client.umd.js',
);

let loket: LiveKitLoket;
let secondKioskLink: string;

test.beforeAll(async () => {
  loket = await startLiveKitLoket();
  // A second kiosk, enrolled and paired as an office does it (`pnpm kiosk pair`).
  secondKioskLink = pairingLink(loket.dataDir, 'Kios lobi 2');
});
test.afterAll(async () => {
  await loket?.stop();
});

/** What the server told a kiosk when its call started, read off the kiosk's own socket. */
interface KioskCallStart {
  callId: string;
  livekit: { url: string; token: string };
}

function recordCallStarts(page: Page): KioskCallStart[] {
  const starts: KioskCallStart[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().startsWith(loket.baseURL.replace(/^http/, 'ws'))) return;
    socket.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      const match = /^42\/kiosk,(\[.*)$/s.exec(text);
      if (!match) return;
      const [event, data] = JSON.parse(match[1]!) as [string, KioskCallStart];
      if (event === 'call:started') starts.push(data);
    });
  });
  return starts;
}

async function openConsole(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: loket.baseURL });
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(loket.password(username));
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Siap melayani' }).click();
  return page;
}

/** A visitor at the kiosk `kioskLink` pairs takes a ticket, `agent` answers, and video flows. */
async function callThrough(browser: Browser, kioskLink: string, agent: Page) {
  const context = await browser.newContext({ baseURL: loket.baseURL });
  await recordPeerConnections(context);
  const kiosk = await context.newPage();
  const starts = recordCallStarts(kiosk);
  await kiosk.goto(kioskLink);
  await kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }).click();
  await kiosk.getByRole('button', { name: 'Informasi publik (PPID)' }).click();
  await kiosk.getByRole('button', { name: 'Setuju', exact: true }).click();
  const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
  await offer.getByRole('button', { name: 'Terima', exact: true }).click();
  await expect(
    kiosk.getByRole('heading', { name: 'Sedang terhubung dengan petugas' }),
  ).toBeVisible();
  await expect.poll(() => starts.length).toBe(1);
  return { kiosk, start: starts[0]! };
}

/** The claims of a JWT, unverified. */
function claimsOf(token: string): { exp: number; video: { room: string } } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

/** The same token with its room rewritten; the signature is left as it was. */
function pointedAt(token: string, room: string): string {
  const [header, , signature] = token.split('.');
  const claims = claimsOf(token);
  const payload = Buffer.from(
    JSON.stringify({ ...claims, video: { ...claims.video, room } }),
  ).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The part of livekit-client's browser build (`window.LivekitClient`) a join needs. */
interface LiveKitGlobal {
  Room: new () => {
    name: string;
    connect(url: string, token: string, options: { autoSubscribe: boolean }): Promise<void>;
    disconnect(): Promise<void>;
  };
}

/** Joins with livekit-client in a blank page, as any browser holding the token could. */
async function tryJoin(page: Page, url: string, token: string) {
  return page.evaluate(
    async ({ url, token }) => {
      const { Room } = (window as unknown as { LivekitClient: LiveKitGlobal }).LivekitClient;
      const room = new Room();
      try {
        await room.connect(url, token, { autoSubscribe: false });
        const joined = room.name;
        await room.disconnect();
        return { joined, error: null };
      } catch (error) {
        const e = error as { message: string; reasonName?: string; status?: number };
        return {
          joined: null,
          error: { message: e.message, reason: e.reasonName ?? null, status: e.status ?? null },
        };
      }
    },
    { url, token },
  );
}

/** LiveKit's own check of a join, over HTTP: the status it answers for this token. */
async function validate(token: string): Promise<number> {
  const http = loket.livekit.url.replace(/^ws/, 'http');
  return (await fetch(`${http}/rtc/validate?access_token=${token}`)).status;
}

test('A token for room A is refused in room B; a token replayed after the call ended cannot join.', async ({
  browser,
}) => {
  // Call B: a second kiosk and Budi, who serves Indonesian visitors.
  const budi = await openConsole(browser, 'petugas2');
  const callB = await callThrough(browser, secondKioskLink, budi);
  // Call A: the demo kiosk and Sari.
  const sari = await openConsole(browser, 'petugas1');
  const callA = await callThrough(browser, loket.kioskLink(), sari);
  expect(await waitForDecodedFrames(callA.kiosk)).toBeGreaterThan(0);
  const roomA = claimsOf(callA.start.livekit.token).video.room;
  const roomB = claimsOf(callB.start.livekit.token).video.room;
  expect(roomA).toContain(callA.start.callId);
  expect(roomB).toContain(callB.start.callId);
  expect(roomA).not.toBe(roomB);

  const blank = await (await browser.newContext()).newPage();
  await blank.addScriptTag({ path: LIVEKIT_CLIENT_UMD });
  const tokenA = callA.start.livekit.token;

  // While A is live, A's token is good for A, and for nothing else.
  expect(await validate(tokenA)).toBe(200);
  const forB = pointedAt(tokenA, roomB);
  expect(await validate(forB)).toBe(401);
  const intoB = await tryJoin(blank, callA.start.livekit.url, forB);
  // Refused by the server itself (its answer, not a timeout): the signature no longer matches.
  expect(intoB).toMatchObject({ joined: null, error: { status: 401 } });
  expect(intoB.error?.message).toContain('signature is invalid');
  await expect(
    callB.kiosk.getByRole('heading', { name: 'Sedang terhubung dengan petugas' }),
  ).toBeVisible();

  // A ends; its token has not expired yet, but its room is gone and cannot be made again.
  await sari.getByRole('button', { name: 'Akhiri panggilan' }).click();
  await sari.getByRole('button', { name: 'Ya, akhiri' }).click();
  await expect(callA.kiosk.getByRole('heading', { name: 'Terima kasih' })).toBeVisible();
  const replay = await tryJoin(blank, callA.start.livekit.url, tokenA);
  expect(claimsOf(tokenA).exp * 1000, 'still unexpired when replayed').toBeGreaterThan(Date.now());
  expect(replay).toMatchObject({ joined: null, error: { status: 404 } });
  expect(replay.error?.message).toContain('requested room does not exist');
  expect(await validate(tokenA)).toBe(404);

  for (const page of [budi, sari, callA.kiosk, callB.kiosk, blank]) await page.context().close();
});
