// Queue benchmark (issue 3): the pure routing decision at 1 000 waiting tickets × 200 agents ×
// 3 skill dimensions beside a sort of the same tickets; ticket → offer latency over socket.io with
// 1 000 kiosks and 200 agents connected to the built server; and what each connected socket
// costs the server (RSS from /proc, heap from a probe loaded only into the benchmarked process).
// Prints a table and writes bench-results/queue.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  languageSkill,
  requiredSkills,
  serviceSkill,
  type Language,
  type Need,
} from '../shared/src/index.js';
import { route, type FreeAgent, type QueuedTicket } from '../signaling-server/src/core/routing.js';
import { migrateToLatest, openSqlite } from '../signaling-server/src/store/database.js';
import { connectAgent, connectKiosk } from '../signaling-server/test/support/load-clients.js';
import { prng } from '../signaling-server/test/support/prng.js';
import { seedOffice } from '../signaling-server/test/support/seed-office.js';
import { startServerProcess } from '../signaling-server/test/support/server-process.js';

const SEED = 7;
const TICKETS = 1000;
const AGENTS = 200;
const KIOSKS = 1000;
const RUNS = Number(process.env.BENCH_ROUTING_RUNS ?? 300);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 400);
const IN_FLIGHT = 8;
const GOALS = { routingP99Ms: 5, ticketToOfferP99Ms: 50, bytesPerSocket: 30 * 1024 };

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { p50: round(at(0.5)), p99: round(at(0.99)), n: sorted.length };
}

/** 1 000 tickets and 200 free agents over 3 services × 2 languages × signing, seeded. */
function routingInput() {
  const rng = prng(SEED);
  const services = ['svc-a', 'svc-b', 'svc-c'];
  const languages: Language[] = ['id', 'en'];
  const tickets: QueuedTicket[] = Array.from({ length: TICKETS }, (_, i) => {
    const serviceId = rng.pick(services);
    const language = rng.pick(languages);
    const needs: Need[] = rng.chance(0.1) ? ['sign_language'] : [];
    return {
      id: `t${String(i).padStart(4, '0')}`,
      serviceId,
      requires: requiredSkills({ serviceId, language, needs }),
      priority: rng.chance(0.1) ? 'transfer' : rng.chance(0.15) ? 'priority' : 'normal',
      queuedAt: 1_000_000 + rng.int(0, 3_600_000),
      assignedAgentId: null,
    };
  });
  // Few agents hold the rare skills, so many tickets scan far before finding one (or none).
  const agents: FreeAgent[] = Array.from({ length: AGENTS }, (_, i) => {
    const idleSince = rng.int(0, 1_000_000);
    const serves = services.filter(() => rng.chance(0.4)).map(serviceSkill);
    const speaks = rng.chance(0.2) ? languages : [rng.pick(languages)];
    const signs = rng.chance(0.05) ? ['bisindo'] : [];
    return {
      id: `a${i}`,
      idleSince,
      skills: new Set([...serves, ...speaks.map(languageSkill), ...signs]),
    };
  });
  return { tickets, agents };
}

function benchRouting() {
  const { tickets, agents } = routingInput();
  const routing: number[] = [];
  const sorting: number[] = [];
  let matches = 0;
  for (let run = -20; run < RUNS; run++) {
    let started = performance.now();
    matches = route(tickets, agents).length;
    const routed = performance.now() - started;
    started = performance.now();
    [...tickets].sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1));
    const sorted = performance.now() - started;
    if (run < 0) continue;
    routing.push(routed);
    sorting.push(sorted);
  }
  const route_ = percentiles(routing);
  const sort = percentiles(sorting);
  return {
    tickets: TICKETS,
    agents: AGENTS,
    skillDimensions: 3,
    matchesPerDecision: matches,
    runs: RUNS,
    routeMs: route_,
    baselineSortMs: sort,
    ratioOfMedians: Math.round((route_.p50 / sort.p50) * 10) / 10,
  };
}

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error('no VmRSS');
  return Number(kb) * 1024;
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/**
 * CPU time (user and system) the server's main thread has used, in ms: the work each ticket costs,
 * which the latency on a shared, noisy machine only hints at.
 */
function mainThreadCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  // Fields 14 and 15 (utime, stime), counted after the parenthesised command name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function benchServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bench-queue-'));
  const db = openSqlite(path.join(dir, 'loket.db'));
  await migrateToLatest(db);
  const office = await seedOffice(db, { services: 3, kiosks: KIOSKS, agents: AGENTS });
  await db.destroy();
  const probe = path.resolve('bench/memory-probe.mjs');
  const server = await startServerProcess(
    {
      DATA_DIR: dir,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      OFFER_TIMEOUT_SECONDS: '60',
      WRAP_UP_SECONDS: '0',
      SWEEP_INTERVAL_MS: '1000',
      // Every simulated kiosk and officer connects from 127.0.0.1.
      MAX_CONNECTIONS_PER_ADDRESS: String(KIOSKS + AGENTS + 100),
    },
    { entry: 'dist', nodeArgs: ['--expose-gc', '--import', probe] },
  );
  const pid = server.child().pid!;
  let stderr = '';
  server.child().stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const memory = async () => {
    const before = stderr.length;
    server.child().kill('SIGUSR2');
    for (let i = 0; i < 100 && !stderr.slice(before).includes('LOKET_MEMORY'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const line = /LOKET_MEMORY (\{.*\})/.exec(stderr.slice(before))?.[1];
    if (!line) throw new Error('no memory line from the probe');
    const usage = JSON.parse(line) as { heapUsed: number };
    return { rss: rssBytes(pid), heapUsed: usage.heapUsed };
  };

  try {
    // Warm up every code path a connection takes before the baseline sample.
    const warm = await Promise.all(
      office.kiosks.slice(0, 20).map((k) => connectKiosk(server.url, k.token)),
    );
    for (const socket of warm) socket.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = await memory();

    const batches = <T>(items: T[], size: number) =>
      Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
        items.slice(i * size, i * size + size),
      );
    const kiosks: Awaited<ReturnType<typeof connectKiosk>>[] = [];
    for (const batch of batches(office.kiosks, 100)) {
      kiosks.push(...(await Promise.all(batch.map((k) => connectKiosk(server.url, k.token)))));
    }
    const agents: Awaited<ReturnType<typeof connectAgent>>[] = [];
    for (const batch of batches(office.agents, 50)) {
      agents.push(...(await Promise.all(batch.map((a) => connectAgent(server.url, a.cookie)))));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const loaded = await memory();
    const sockets = kiosks.length + agents.length;

    for (const agent of agents) {
      const answer = await agent.emitWithAck('agent:setStatus', { status: 'available' });
      if (!answer.ok) throw new Error(`agent not available: ${answer.error.code}`);
    }
    // ticket:create emitted → offer:new at an agent; the kiosk then cancels, freeing the agent.
    const offeredAt = new Map<string, number>();
    const waiters = new Map<string, () => void>();
    for (const agent of agents) {
      agent.on('offer:new', (offer) => {
        if (offeredAt.has(offer.ticketId)) return;
        offeredAt.set(offer.ticketId, performance.now());
        waiters.get(offer.ticketId)?.();
      });
    }
    const latencies: number[] = [];
    const rng = prng(SEED + 1);
    let next = 0;
    const worker = async (lane: number) => {
      for (;;) {
        const index = next++;
        if (index >= OFFERS + 20) return;
        const kiosk = kiosks[(index * IN_FLIGHT + lane) % kiosks.length]!;
        const emitted = performance.now();
        const answer = await kiosk.emitWithAck('ticket:create', {
          clientId: randomUUID(),
          serviceId: rng.pick(office.serviceIds),
          language: 'id',
        });
        if (!answer.ok) throw new Error(`ticket refused: ${answer.error.code}`);
        const ticketId = answer.data.ticket.id;
        if (!offeredAt.has(ticketId)) {
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no offer for ${ticketId}`)), 10_000);
            waiters.set(ticketId, () => (clearTimeout(timer), resolve()));
          });
        }
        if (index >= 20) latencies.push(offeredAt.get(ticketId)! - emitted);
        await kiosk.emitWithAck('ticket:cancel', { ticketId });
      }
    };
    const cpuBefore = mainThreadCpuMs(pid);
    await Promise.all(Array.from({ length: IN_FLIGHT }, (_, lane) => worker(lane)));
    const serverCpuMsPerTicket = (mainThreadCpuMs(pid) - cpuBefore) / (OFFERS + 20);
    for (const socket of [...kiosks, ...agents]) socket.close();

    return {
      ticketToOffer: {
        kiosksConnected: kiosks.length,
        agentsConnected: agents.length,
        ticketsInFlight: IN_FLIGHT,
        serverCpuMsPerTicket: Math.round(serverCpuMsPerTicket * 100) / 100,
        ms: percentiles(latencies),
      },
      memory: {
        sockets,
        rssBytesPerSocket: Math.round((loaded.rss - idle.rss) / sockets),
        heapBytesPerSocket: Math.round((loaded.heapUsed - idle.heapUsed) / sockets),
        idle,
        connected: loaded,
      },
    };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const started = Date.now();
const routing = benchRouting();
const { ticketToOffer, memory } = await benchServer();
const result = {
  routing,
  ticketToOffer,
  memory,
  goals: GOALS,
  met: {
    routingP99: routing.routeMs.p99 <= GOALS.routingP99Ms,
    ticketToOfferP99: ticketToOffer.ms.p99 <= GOALS.ticketToOfferP99Ms,
    rssPerSocket: memory.rssBytesPerSocket <= GOALS.bytesPerSocket,
    heapPerSocket: memory.heapBytesPerSocket <= GOALS.bytesPerSocket,
  },
  machine: { cpus: os.cpus().length, node: process.version },
  seconds: Math.round((Date.now() - started) / 1000),
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.table({
  [`route() ${TICKETS} tickets × ${AGENTS} agents (ms)`]: {
    p50: routing.routeMs.p50,
    p99: routing.routeMs.p99,
    goal: `p99 ≤ ${GOALS.routingP99Ms}`,
  },
  [`baseline: sort ${TICKETS} tickets (ms)`]: {
    p50: routing.baselineSortMs.p50,
    p99: routing.baselineSortMs.p99,
    goal: `ratio ${routing.ratioOfMedians}×`,
  },
  [`ticket:create → offer:new, ${KIOSKS} kiosks + ${AGENTS} agents (ms)`]: {
    p50: ticketToOffer.ms.p50,
    p99: ticketToOffer.ms.p99,
    goal: `p99 ≤ ${GOALS.ticketToOfferP99Ms}`,
  },
  [`per connected socket (${memory.sockets} sockets)`]: {
    p50: `RSS ${kb(memory.rssBytesPerSocket)}`,
    p99: `heap ${kb(memory.heapBytesPerSocket)}`,
    goal: `≤ ${kb(GOALS.bytesPerSocket)}`,
  },
});
console.log(`server main thread CPU per ticket: ${ticketToOffer.serverCpuMsPerTicket} ms`);
console.log(`goals met: ${JSON.stringify(result.met)}`);
fs.mkdirSync('bench-results', { recursive: true });
fs.writeFileSync('bench-results/queue.json', `${JSON.stringify(result, null, 2)}\n`);
