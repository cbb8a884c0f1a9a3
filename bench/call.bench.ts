// Call set-up benchmark: agent clicks Accept → first remote video frame decoded on the kiosk,
// over real calls through the built server, beside bare RTCPeerConnection baselines in the same
// browser: a one-way pair in one page, and a two-way pair in two pages shaped like a call. Prints
// a table and writes bench-results/call.json.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from '../e2e/support/chromium.js';
import { START_BITRATE_KBPS } from '../shared/src/media/start-bitrate.js';
import { livekitMissingReason, startLiveKitLoket } from '../e2e/support/livekit-loket.js';
import { freePort } from '../e2e/support/free-port.js';
import { pairingLink } from '../e2e/support/kiosk-pairing.js';
import { startBuiltServer, waitFor } from './support/built-server.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 12);
if (!Number.isInteger(CALLS) || CALLS < 10) {
  throw new Error(`BENCH_CALLS must be a whole number of at least 10 (got ${CALLS})`);
}
/**
 * How long the offer rings before the officer clicks Accept: a person hears the ring and reaches
 * for the button, which takes them at least this long. What the console prepares while it rings
 * is off the measured path, as it is for an officer.
 */
const RING_MS = Number(process.env.BENCH_RING_MS ?? 1000);
/** The least time from one offer's accept to the next offer ringing. */
const CALL_GAP_MS = 1000;
const PORT = await freePort();
const DATA = path.resolve('test-output/bench-data');
const BASE = `http://127.0.0.1:${PORT}`;

/** Records, inside the page, the wall-clock time of the first decoded inbound video frame. */
const FIRST_FRAME_PROBE = () => {
  const Native = window.RTCPeerConnection;
  const w = window as unknown as { __firstFrameAt: number | null };
  w.__firstFrameAt = null;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      const poll = setInterval(async () => {
        if (this.connectionState === 'closed') return clearInterval(poll);
        (await this.getStats()).forEach(
          (r: { type: string; kind?: string; framesDecoded?: number }) => {
            if (
              r.type === 'inbound-rtp' &&
              r.kind === 'video' &&
              (r.framesDecoded ?? 0) > 0 &&
              w.__firstFrameAt === null
            ) {
              w.__firstFrameAt = Date.now();
              clearInterval(poll);
            }
          },
        );
      }, 5);
    }
  } as typeof RTCPeerConnection;
};

/**
 * Records, inside the console, when the officer's click on Accept reached the page: the moment
 * the benchmark starts from, without the test driver's own time to find and click the button.
 */
const ACCEPT_CLICK_PROBE = () => {
  const w = window as unknown as { __acceptedAt: number | null };
  w.__acceptedAt = null;
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest('button');
      if (button?.textContent?.trim() === 'Terima') w.__acceptedAt = Date.now();
    },
    true,
  );
};

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

function startServer() {
  return startBuiltServer(PORT, DATA);
}

/** A running Loket to measure: its address, a pairing link for its kiosk and the agent's password. */
interface Target {
  base: string;
  kioskLink: string;
  agentPassword: string;
}

function p2pTarget(): Target {
  const credentials = JSON.parse(
    fs.readFileSync(path.join(DATA, 'demo-credentials.json'), 'utf8'),
  ) as {
    users: { username: string; password: string }[];
  };
  return {
    base: BASE,
    kioskLink: pairingLink(DATA),
    agentPassword: credentials.users.find((u) => u.username === 'petugas1')!.password,
  };
}

async function measureLoket(browser: Browser, target: Target = p2pTarget()): Promise<number[]> {
  const agentContext = await browser.newContext();
  await agentContext.addInitScript(ACCEPT_CLICK_PROBE);
  const agent = await agentContext.newPage();
  await agent.goto(`${target.base}/console/`);
  await agent.getByLabel('Nama pengguna').fill('petugas1');
  await agent.getByLabel('Kata sandi').fill(target.agentPassword);
  await agent.getByRole('button', { name: 'Masuk' }).click();
  await agent.getByRole('button', { name: 'Siap melayani' }).click();

  const kioskContext = await browser.newContext();
  await kioskContext.addInitScript(FIRST_FRAME_PROBE);
  const kiosk: Page = await kioskContext.newPage();
  await kiosk.goto(`${target.base}${target.kioskLink}`);

  const samples: number[] = [];
  for (let i = 0; i < CALLS + 1; i++) {
    await kiosk.evaluate(
      () => ((window as unknown as { __firstFrameAt: null }).__firstFrameAt = null),
    );
    await agent.evaluate(() => ((window as unknown as { __acceptedAt: null }).__acceptedAt = null));
    await kiosk.getByRole('button', { name: 'Sentuh untuk mulai' }).click();
    await kiosk.getByRole('button', { name: 'Informasi publik (PPID)' }).click();
    await kiosk.getByRole('button', { name: 'Setuju', exact: true }).click();
    const accept = agent
      .getByRole('alertdialog', { name: 'Panggilan masuk' })
      .getByRole('button', { name: 'Terima', exact: true });
    await accept.waitFor();
    await agent.waitForTimeout(RING_MS);
    await accept.click();
    const clickedAt = await waitFor(() =>
      agent.evaluate(() => (window as unknown as { __acceptedAt: number | null }).__acceptedAt),
    );
    const firstFrame = await waitFor(() =>
      kiosk.evaluate(() => (window as unknown as { __firstFrameAt: number | null }).__firstFrameAt),
    );
    // The first call also loads the lazy call code into a cold page; it is warm-up, not measured.
    if (i > 0) samples.push(firstFrame - clickedAt);
    await kiosk.getByRole('button', { name: 'Akhiri panggilan' }).click();
    await kiosk.getByRole('button', { name: 'Ya, akhiri' }).click();
    await kiosk.getByRole('button', { name: 'Lewati survei' }).click();
    // The officer ends wrap-up at once, so the next call is not held back by it.
    await agent.getByRole('button', { name: 'Siap melayani', disabled: false }).click();
    await agent.getByRole('button', { name: 'Siap melayani', disabled: true }).waitFor();
    // A console sends some 20 events a call (its connection's candidates among them); calls
    // less than a second apart would spend the event budget meant for a person, 20 a second,
    // and have an accept refused.
    await agent.waitForTimeout(Math.max(0, CALL_GAP_MS - RING_MS));
  }
  await agentContext.close();
  await kioskContext.close();
  return samples;
}

/** The same camera request as the apps make, so only the call set-up differs. */
const CAMERA: MediaStreamConstraints = {
  video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 25 } },
  audio: true,
};

/**
 * A blank page of the server's origin, in a browser context of its own: the server's own
 * responses allow no camera outside the apps.
 */
async function blankPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.route(`${BASE}/bench`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  const page = await context.newPage();
  await page.goto(`${BASE}/bench`);
  return page;
}

/**
 * The bare pair, optionally with the sending side told to start at `startKbps` as Loket's P2P
 * calls are (x-google-start-bitrate in the answer it applies), so the two can be compared both
 * against the browser's defaults and like for like.
 */
async function measureBaseline(browser: Browser, startKbps = 0): Promise<number[]> {
  const page = await blankPage(browser);
  const samples: number[] = [];
  for (let i = 0; i < CALLS + 1; i++) {
    const ms = await page.evaluate(
      async ({ startKbps, constraints }) => {
        const camera = await navigator.mediaDevices.getUserMedia(constraints);
        const started = Date.now();
        const a = new RTCPeerConnection();
        const b = new RTCPeerConnection();
        a.onicecandidate = (e) => void b.addIceCandidate(e.candidate ?? undefined);
        b.onicecandidate = (e) => void a.addIceCandidate(e.candidate ?? undefined);
        for (const track of camera.getTracks()) a.addTrack(track, camera);
        await a.setLocalDescription();
        await b.setRemoteDescription(a.localDescription!);
        await b.setLocalDescription();
        const answer = b.localDescription!.sdp;
        await a.setRemoteDescription({
          type: 'answer',
          sdp: startKbps
            ? answer.replace(
                /(a=rtpmap:(\d+) VP8\/90000\r\n)/,
                `$1a=fmtp:$2 x-google-start-bitrate=${startKbps}\r\n`,
              )
            : answer,
        });
        const decodedAt = await new Promise<number>((resolve) => {
          const poll = setInterval(async () => {
            (await b.getStats()).forEach(
              (r: { type: string; kind?: string; framesDecoded?: number }) => {
                if (r.type === 'inbound-rtp' && r.kind === 'video' && (r.framesDecoded ?? 0) > 0) {
                  clearInterval(poll);
                  resolve(Date.now());
                }
              },
            );
          }, 5);
        });
        a.close();
        b.close();
        for (const track of camera.getTracks()) track.stop();
        return decodedAt - started;
      },
      { startKbps, constraints: CAMERA },
    );
    if (i > 0) samples.push(ms);
  }
  await page.context().close();
  return samples;
}

/**
 * A bare pair shaped like a call: officer and kiosk in pages of their own (so in renderer
 * processes of their own, as Loket's are), each sending its camera and microphone, with the
 * offer, answer and candidates relayed between the pages. Timed from the officer's offer to the
 * first frame the kiosk decodes, with the officer's encoder told to start at `startKbps`. This is
 * the work a two-way call's start puts on the machine, which a one-way pair in one page does not:
 * two encoders and two decoders starting at once.
 */
async function measureTwoWayPair(browser: Browser, startKbps: number): Promise<number[]> {
  const [officer, kiosk] = [await blankPage(browser), await blankPage(browser)];
  // Each page hands its signals to the other as they come, the way a signalling server relays them.
  await officer.exposeFunction('__toKiosk', (message: string) =>
    kiosk.evaluate(
      (m) => (window as unknown as { __receive(m: string): void }).__receive(m),
      message,
    ),
  );
  await kiosk.exposeFunction('__toOfficer', (message: string) =>
    officer.evaluate(
      (m) => (window as unknown as { __receive(m: string): void }).__receive(m),
      message,
    ),
  );
  const samples: number[] = [];
  for (let i = 0; i < CALLS + 1; i++) {
    // The kiosk is listening, with its camera open, before the officer offers.
    await kiosk.evaluate(async (constraints) => {
      const camera = await navigator.mediaDevices.getUserMedia(constraints);
      const w = window as unknown as {
        __receive(m: string): void;
        __toOfficer(m: string): Promise<void>;
        __decoded: Promise<number>;
      };
      const pc = new RTCPeerConnection();
      pc.onicecandidate = (e) => void w.__toOfficer(JSON.stringify({ candidate: e.candidate }));
      for (const track of camera.getTracks()) pc.addTrack(track, camera);
      w.__receive = (message) => {
        const { sdp, candidate } = JSON.parse(message);
        if (candidate !== undefined) return void pc.addIceCandidate(candidate ?? undefined);
        void pc
          .setRemoteDescription({ type: 'offer', sdp })
          .then(() => pc.setLocalDescription())
          .then(() => w.__toOfficer(JSON.stringify({ sdp: pc.localDescription!.sdp })));
      };
      w.__decoded = new Promise<number>((resolve) => {
        const poll = setInterval(async () => {
          (await pc.getStats()).forEach(
            (r: { type: string; kind?: string; framesDecoded?: number }) => {
              if (r.type === 'inbound-rtp' && r.kind === 'video' && (r.framesDecoded ?? 0) > 0) {
                clearInterval(poll);
                resolve(Date.now());
                pc.close();
                for (const track of camera.getTracks()) track.stop();
              }
            },
          );
        }, 5);
      });
    }, CAMERA);
    const startedAt = await officer.evaluate(
      async ({ startKbps, constraints }) => {
        const camera = await navigator.mediaDevices.getUserMedia(constraints);
        const w = window as unknown as {
          __receive(m: string): void;
          __toKiosk(m: string): Promise<void>;
          __pc?: RTCPeerConnection;
          __camera?: MediaStream;
        };
        const started = Date.now();
        const pc = new RTCPeerConnection();
        w.__pc = pc;
        w.__camera = camera;
        pc.onicecandidate = (e) => void w.__toKiosk(JSON.stringify({ candidate: e.candidate }));
        w.__receive = (message) => {
          const { sdp, candidate } = JSON.parse(message);
          if (candidate !== undefined) return void pc.addIceCandidate(candidate ?? undefined);
          void pc.setRemoteDescription({
            type: 'answer',
            sdp: sdp.replace(
              /(a=rtpmap:(\d+) VP8\/90000\r\n)/,
              `$1a=fmtp:$2 x-google-start-bitrate=${startKbps}\r\n`,
            ),
          });
        };
        for (const track of camera.getTracks()) pc.addTrack(track, camera);
        await pc.setLocalDescription();
        await w.__toKiosk(JSON.stringify({ sdp: pc.localDescription!.sdp }));
        return started;
      },
      { startKbps, constraints: CAMERA },
    );
    const decodedAt = await kiosk.evaluate(
      () => (window as unknown as { __decoded: Promise<number> }).__decoded,
    );
    await officer.evaluate(() => {
      const w = window as unknown as { __pc: RTCPeerConnection; __camera: MediaStream };
      w.__pc.close();
      for (const track of w.__camera.getTracks()) track.stop();
    });
    if (i > 0) samples.push(decodedAt - startedAt);
  }
  await officer.context().close();
  await kiosk.context().close();
  return samples;
}

/** The same calls through a real LiveKit server (a second Loket configured for it). */
async function measureLiveKit(browser: Browser): Promise<number[] | null> {
  const missing = livekitMissingReason();
  if (missing) {
    console.warn(`LiveKit not measured: ${missing}`);
    return null;
  }
  const loket = await startLiveKitLoket();
  try {
    return await measureLoket(browser, {
      base: loket.baseURL,
      kioskLink: loket.kioskLink(),
      agentPassword: loket.password('petugas1'),
    });
  } finally {
    await loket.stop();
  }
}

const server = await startServer();
// Declared before the try, so that a browser that fails to start still has the server stopped.
let browser: Browser | null = null;
try {
  browser = await launchChromium();
  const baseline = stats(await measureBaseline(browser));
  const startBaseline = stats(await measureBaseline(browser, START_BITRATE_KBPS));
  const twoWay = stats(await measureTwoWayPair(browser, START_BITRATE_KBPS));
  const p2p = stats(await measureLoket(browser));
  const livekitSamples = await measureLiveKit(browser);
  const livekit = livekitSamples && stats(livekitSamples);
  const ratioOf = (a: number, b: number) => Number((a / b).toFixed(2));
  const result = {
    calls: CALLS,
    p2p_ms: { median: p2p.median, p95: p2p.p95 },
    baseline_ms: { median: baseline.median, p95: baseline.p95 },
    baseline_same_start_bitrate_ms: { median: startBaseline.median, p95: startBaseline.p95 },
    two_way_pair_ms: { median: twoWay.median, p95: twoWay.p95 },
    livekit_ms: livekit && { median: livekit.median, p95: livekit.p95 },
    ratio: ratioOf(p2p.median, baseline.median),
    ratios: {
      p2p_to_baseline: ratioOf(p2p.median, baseline.median),
      p2p_to_baseline_same_start_bitrate: ratioOf(p2p.median, startBaseline.median),
      p2p_to_two_way_pair: ratioOf(p2p.median, twoWay.median),
      livekit_to_p2p: livekit && ratioOf(livekit.median, p2p.median),
    },
  };
  console.table({
    'Loket P2P (accept → first kiosk frame)': result.p2p_ms,
    ...(result.livekit_ms && { 'Loket LiveKit (same)': result.livekit_ms }),
    'bare RTCPeerConnection pair': result.baseline_ms,
    [`bare pair, start bitrate ${START_BITRATE_KBPS} kbps`]: result.baseline_same_start_bitrate_ms,
    [`bare two-way pair, two pages, ${START_BITRATE_KBPS} kbps`]: result.two_way_pair_ms,
  });
  console.log(`ratio of medians (P2P / baseline): ${result.ratio}  (goal ≤ 1.3)`);
  console.log(
    `ratio of medians (P2P / baseline at the same start bitrate): ${result.ratios.p2p_to_baseline_same_start_bitrate}`,
  );
  console.log(
    `ratio of medians (P2P / bare two-way pair in two pages): ${result.ratios.p2p_to_two_way_pair}`,
  );
  if (result.ratios.livekit_to_p2p !== null) {
    console.log(`ratio of medians (LiveKit / P2P): ${result.ratios.livekit_to_p2p}  (goal ≤ 1.5)`);
  }
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/call.json', `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
}
