// Flood benchmark: one kiosk socket sends events as fast as it can (reconnecting when it is
// disconnected, as an attacker would) while a well-behaved officer's console sends one command at
// a time. Prints the officer's ack latency quiet and during the flood, and what the flooder got
// through; writes bench-results/flood.json. BENCH_SERVER=<path to main.js> runs another build
// (e.g. an earlier release) the same way, for a before/after comparison.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrateToLatest, openSqlite } from '../signaling-server/src/store/database.js';
import { connectAgent, connectKiosk } from '../signaling-server/test/support/load-clients.js';
import { seedOffice } from '../signaling-server/test/support/seed-office.js';
import { startServerProcess } from '../signaling-server/test/support/server-process.js';

const SAMPLES = Number(process.env.BENCH_FLOOD_SAMPLES ?? 150);
/** The officer's pace: ten commands a second, busier than any person clicks. */
const SAMPLE_EVERY_MS = 100;
const BURST = 200;
const FLOOD_SECONDS_MAX = 60;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { p50: round(at(0.5)), p99: round(at(0.99)) };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bench-flood-'));
  const db = openSqlite(path.join(dir, 'loket.db'));
  await migrateToLatest(db);
  const office = await seedOffice(db, { services: 1, kiosks: 1, agents: 1 });
  await db.destroy();
  const entry = process.env.BENCH_SERVER ? { file: process.env.BENCH_SERVER } : 'dist';
  const server = await startServerProcess(
    { DATA_DIR: dir, DEMO_DATA: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    { entry },
  );
  const flooder = { sent: 0, refused: 0, answered: 0, disconnects: 0 };
  let flooding = false;
  try {
    const agent = await connectAgent(server.url, office.agents[0]!.cookie);
    const sample = async () => {
      const latencies: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        const started = performance.now();
        const answer = await agent.timeout(10_000).emitWithAck('callback:list', {});
        if (!answer.ok) throw new Error(`officer's command refused: ${answer.error.code}`);
        const took = performance.now() - started;
        latencies.push(took);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, SAMPLE_EVERY_MS - took)));
      }
      return latencies;
    };
    await sample();
    const quiet = percentiles(await sample());

    flooding = true;
    const token = office.kiosks[0]!.token;
    const flood = async () => {
      const stopAt = performance.now() + FLOOD_SECONDS_MAX * 1000;
      while (flooding && performance.now() < stopAt) {
        const kiosk = await connectKiosk(server.url, token).catch(() => null);
        if (!kiosk) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        while (flooding && kiosk.connected) {
          for (let i = 0; i < BURST; i += 1) {
            flooder.sent += 1;
            kiosk.emit('ticket:cancel', { ticketId: `t${flooder.sent}` }, (ack) => {
              if (ack.ok || ack.error.code !== 'RATE_LIMITED') flooder.answered += 1;
              else flooder.refused += 1;
            });
          }
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (!kiosk.connected) flooder.disconnects += 1;
        kiosk.close();
      }
    };
    const floodDone = flood();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const during = percentiles(await sample());
    flooding = false;
    await floodDone;
    agent.close();

    const result = {
      server: process.env.BENCH_SERVER ?? 'this build',
      quiet_ack_ms: quiet,
      flood_ack_ms: during,
      p99_ratio: Math.round((during.p99 / quiet.p99) * 100) / 100,
      flooder,
    };
    console.table({ quiet, 'during the flood': during });
    console.log(
      `officer's ack p99 during the flood / quiet: ${result.p99_ratio} (goal ≤ 2); flooder sent ` +
        `${flooder.sent}, answered ${flooder.answered}, refused ${flooder.refused}, disconnected ` +
        `${flooder.disconnects}×`,
    );
    fs.mkdirSync('bench-results', { recursive: true });
    fs.writeFileSync('bench-results/flood.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    flooding = false;
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
