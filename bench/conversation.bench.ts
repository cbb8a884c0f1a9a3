// Conversation benchmark (issue 13): over a real server (the built one), a visitor at a kiosk and
// an officer in a call exchange BENCH_CHAT_MESSAGES chat messages (200 by default), taking turns
// at a pace within the chat's rate limit. Each delay is from sending on one socket to the
// message's event on the other. Prints p50/p95 and merges `chat_ms` into
// bench-results/conversation.json, which also holds the caption and signing figures.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChatMessage } from '../shared/src/index.js';
import { migrateToLatest, openSqlite } from '../signaling-server/src/store/database.js';
import { connectAgent, connectKiosk } from '../signaling-server/test/support/load-clients.js';
import { seedOffice } from '../signaling-server/test/support/seed-office.js';
import { startServerProcess } from '../signaling-server/test/support/server-process.js';

const MESSAGES = Number(process.env.BENCH_CHAT_MESSAGES ?? 200);
/** Turns alternate, so each side sends every 2 × this: within the chat's 3 messages a second. */
const TURN_MS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 8231);
const RESULTS = 'bench-results/conversation.json';

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bench-conversation-'));
  const db = openSqlite(path.join(dir, 'loket.db'));
  await migrateToLatest(db);
  const office = await seedOffice(db, { services: 1, kiosks: 1, agents: 1 });
  await db.destroy();
  const server = await startServerProcess(
    { DATA_DIR: dir, DEMO_DATA: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    { entry: 'dist', port: PORT },
  );
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
    kiosk.close();
    agent.close();

    const chat = percentiles(delays);
    console.table({ chat_ms: chat });
    console.log(`chat delay p95 ${chat.p95} ms over ${MESSAGES} messages (goal ≤ 500 ms)`);
    const earlier = fs.existsSync(RESULTS)
      ? (JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as Record<string, unknown>)
      : {};
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify({ ...earlier, chat_ms: chat }, null, 2)}\n`);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
