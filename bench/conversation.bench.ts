// Conversation benchmark (issue 13), over the built server:
// - chat: a visitor at a kiosk and an officer in a call exchange BENCH_CHAT_MESSAGES chat messages
//   (200 by default), taking turns at a pace within the chat's rate limit; each delay is from
//   sending on one socket to the message's event on the other;
// - captions: the kiosk speaks the recorded Indonesian sentence BENCH_CAPTIONS times (10 by
//   default), sent as the kiosk sends its microphone (a second at a time as it is spoken, the
//   last piece after the silence that ends the utterance), through the office's own recogniser
//   (scripts/recogniser.sh, installed if missing); each delay is from the end of speech to the
//   caption's event on the officer's socket, and the word error rate of each caption is printed;
// - signing: a BISINDO call on the peer-to-peer path in Chromium, the kiosk's video capped at
//   500 kbit/s, frames decoded per second on the console.
// Prints the figures and writes bench-results/conversation.json as
// { chat_ms: {p50, p95}, caption_ms: {p50, p95}, signing_fps: {p5, median} }. Every process it
// starts is stopped, also when it fails.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from '../e2e/support/chromium.js';
import { freePort } from '../e2e/support/free-port.js';
import { measureSigningFrameRate } from '../e2e/support/frame-rate.js';
import { pairingLink } from '../e2e/support/kiosk-pairing.js';
import { recordPeerConnections } from '../e2e/support/media.js';
import { SPEECH_END_SILENCE_MS, type Caption, type ChatMessage } from '../shared/src/index.js';
import { wordErrorRate } from '../signaling-server/src/captions/word-error-rate.js';
import { migrateToLatest, openSqlite } from '../signaling-server/src/store/database.js';
import { startRecogniser } from '../signaling-server/test/recogniser-process.js';
import { connectAgent, connectKiosk } from '../signaling-server/test/support/load-clients.js';
import { recordedSpeech, speechPieces } from '../signaling-server/test/support/speech-pieces.js';
import { seedOffice } from '../signaling-server/test/support/seed-office.js';
import { startServerProcess } from '../signaling-server/test/support/server-process.js';
import { startBuiltServer } from './support/built-server.js';

const MESSAGES = Number(process.env.BENCH_CHAT_MESSAGES ?? 200);
/** Turns alternate, so each side sends every 2 × this: within the chat's 3 messages a second. */
const TURN_MS = 200;
const CAPTIONS = Number(process.env.BENCH_CAPTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 8231);
const RESULTS = 'bench-results/conversation.json';

type Percentiles = ReturnType<typeof percentiles>;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Chat and caption delays through one server with the office's recogniser beside it. */
async function conversation(): Promise<{ chat: Percentiles; caption: Percentiles }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bench-conversation-'));
  const db = openSqlite(path.join(dir, 'loket.db'));
  await migrateToLatest(db);
  const office = await seedOffice(db, { services: 1, kiosks: 1, agents: 1 });
  await db.destroy();
  const recogniser = await startRecogniser();
  const server = await startServerProcess(
    {
      DATA_DIR: dir,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      CAPTIONS: 'typed,onprem',
      RECOGNISER_URL: recogniser.url,
      RECOGNISER_TIMEOUT_SECONDS: '30',
    },
    { entry: 'dist', port: PORT },
  ).catch(async (error: unknown) => {
    await recogniser.stop();
    throw error;
  });
  try {
    const agent = await connectAgent(server.url, office.agents[0]!.cookie);
    const kiosk = await connectKiosk(server.url, office.kiosks[0]!.token);
    await kiosk.timeout(5000).emitWithAck('kiosk:bootstrap', {});
    await agent.timeout(5000).emitWithAck('agent:setStatus', { status: 'available' });
    const offered = new Promise<string>((resolve) =>
      agent.once('offer:new', (offer) => resolve(offer.ticketId)),
    );
    const made = await kiosk.timeout(5000).emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: office.serviceIds[0]!,
      language: 'id',
      needs: [],
    });
    if (!made.ok) throw new Error(`ticket refused: ${made.error.code}`);
    const ticketId = await offered;
    const accepted = await agent.timeout(5000).emitWithAck('offer:accept', { ticketId });
    if (!accepted.ok) throw new Error(`accept refused: ${accepted.error.code}`);

    const sentAt = new Map<string, number>();
    const delays: number[] = [];
    const arrived = (message: ChatMessage) => {
      const started = sentAt.get(message.clientId);
      if (started === undefined) return;
      sentAt.delete(message.clientId);
      delays.push(performance.now() - started);
    };
    kiosk.on('chat:message', (m) => m.from === 'agent' && arrived(m));
    agent.on('chat:message', (m) => m.from === 'kiosk' && arrived(m));

    for (let i = 0; i < MESSAGES; i += 1) {
      const clientId = randomUUID();
      const text = `Pesan ${i + 1}: mohon bawa KTP dan formulir yang sudah diisi.`;
      sentAt.set(clientId, performance.now());
      const from = i % 2 === 0 ? kiosk : agent;
      const answer = await (from as typeof kiosk)
        .timeout(5000)
        .emitWithAck('chat:send', { ticketId, clientId, text });
      if (!answer.ok) throw new Error(`message ${i + 1} refused: ${answer.error.code}`);
      await sleep(TURN_MS);
    }
    const deadline = performance.now() + 5000;
    while (delays.length < MESSAGES && performance.now() < deadline) await sleep(20);
    if (delays.length < MESSAGES) throw new Error(`only ${delays.length} of ${MESSAGES} arrived`);

    const chat = percentiles(delays);
    console.log(`chat delay p95 ${chat.p95} ms over ${MESSAGES} messages (goal ≤ 500 ms)`);

    const { callId } = accepted.data.call;
    const { pcm, said } = recordedSpeech('id');
    // What the kiosk's microphone hears: the sentence, then the silence that ends the utterance.
    const silence = new Uint8Array((16_000 * 2 * SPEECH_END_SILENCE_MS) / 1000);
    const heard = new Uint8Array(pcm.byteLength + silence.byteLength);
    heard.set(pcm);
    const speechMs = (pcm.byteLength / 2 / 16_000) * 1000;
    const captionDelays: number[] = [];
    const errorRates: number[] = [];
    for (let utterance = 0; utterance < CAPTIONS; utterance += 1) {
      const caption = new Promise<Caption>((resolve) => {
        const onCaption = (c: Caption) => {
          if (c.provider !== 'onprem' || c.from !== 'kiosk') return;
          agent.off('caption', onCaption);
          resolve(c);
        };
        agent.on('caption', onCaption);
      });
      const started = performance.now();
      const pieces = speechPieces(callId, 'id', heard, utterance);
      for (const [seq, piece] of pieces.entries()) {
        // Each piece leaves once it has been spoken; the last once the silence has ended it.
        const spokenAt = piece.last ? speechMs + SPEECH_END_SILENCE_MS : (seq + 1) * 1000;
        await sleep(started + spokenAt - performance.now());
        const answer = await kiosk.timeout(5000).emitWithAck('caption:audio', piece);
        if (!answer.ok) throw new Error(`speech refused: ${answer.error.code}`);
      }
      const text = (await caption).text;
      captionDelays.push(performance.now() - (started + speechMs));
      errorRates.push(wordErrorRate(said, text));
      console.log(
        `caption ${utterance + 1}: ${Math.round(captionDelays.at(-1)!)} ms, WER ${errorRates.at(-1)!.toFixed(2)}: ${text}`,
      );
    }
    kiosk.close();
    agent.close();
    const caption = percentiles(captionDelays);
    const wer = errorRates.reduce((sum, rate) => sum + rate, 0) / errorRates.length;
    console.log(
      `caption delay p95 ${caption.p95} ms over ${CAPTIONS} utterances (goal ≤ 3000 ms); word error rate ${wer.toFixed(2)} (said: ${said})`,
    );
    return { chat, caption };
  } finally {
    await server.stop();
    await recogniser.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until `page` shows something named `name` with `role`, then clicks it. */
async function press(page: Page, name: string, exact = false): Promise<void> {
  const button = page.getByRole('button', { name, exact });
  await button.waitFor({ timeout: 30_000 });
  await button.click();
}

/**
 * A BISINDO call on the peer-to-peer path between a kiosk and a signing officer (the demo's
 * `petugas1`), the kiosk's video capped at 500 kbit/s: frames the console decodes each second.
 */
async function signing(): Promise<{ p5: number; median: number }> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = path.resolve('test-output/bench-conversation-data');
  const server = await startBuiltServer(port, dataDir);
  let browser: Browser | null = null;
  try {
    // A camera that films at 30 fps (the fake one's default is 20), as the e2e test has it.
    browser = await launchChromium({ fakeDevice: 'fps=30' });
    const open = async (path: string, viewport: { width: number; height: number }) => {
      const context = await browser!.newContext({
        baseURL,
        viewport,
        permissions: ['camera', 'microphone'],
      });
      await recordPeerConnections(context);
      const page = await context.newPage();
      await page.goto(path);
      return page;
    };
    const credentials = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8'),
    ) as { users: { username: string; password: string }[] };
    const password = credentials.users.find((u) => u.username === 'petugas1')!.password;
    const agent = await open('/console/', { width: 1440, height: 900 });
    await agent.getByLabel('Nama pengguna').fill('petugas1');
    await agent.getByLabel('Kata sandi').fill(password);
    await press(agent, 'Masuk');
    await press(agent, 'Siap melayani');
    await agent.getByText('Status: Tersedia').waitFor({ timeout: 30_000 });

    const kiosk = await open(pairingLink(dataDir), { width: 1080, height: 1920 });
    await press(kiosk, 'Pengguna bahasa isyarat? Mulai dengan BISINDO');
    await press(kiosk, 'Informasi publik (PPID)');
    await press(kiosk, 'Setuju', true);
    const offer = agent.getByRole('alertdialog', { name: 'Panggilan masuk' });
    await offer.getByRole('button', { name: 'Terima', exact: true }).click({ timeout: 30_000 });
    await kiosk.getByRole('heading', { name: 'Sedang terhubung dengan petugas' }).waitFor();
    const figures = await measureSigningFrameRate(kiosk, agent, 500_000);
    console.log(
      `signing frame rate at 500 kbit/s: p5 ${figures.p5} fps, median ${figures.median} fps (goal p5 ≥ 20); the kiosk sent ${figures.sentFps} fps, ${Math.round(figures.receivedBps / 1000)} kbit/s arrived, ${figures.frame.width}x${figures.frame.height}`,
    );
    return { p5: figures.p5, median: figures.median };
  } finally {
    await browser?.close();
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const installed = spawnSync('bash', ['scripts/recogniser.sh', 'install'], { stdio: 'inherit' });
  if (installed.status !== 0) throw new Error('the on-premises recogniser could not be installed');
  const { chat, caption } = await conversation();
  const signingFps = await signing();
  const results = { chat_ms: chat, caption_ms: caption, signing_fps: signingFps };
  console.table(results);
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}

await main();
