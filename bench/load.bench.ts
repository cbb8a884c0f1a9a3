// Load benchmark (issue 12), one server process on this machine, clients on 127.0.0.1:
// - idle: N kiosks connected and bootstrapped, held BENCH_LOAD_IDLE_S seconds; the server's CPU
//   (connecting, bootstrapping, holding) and resident memory per connection beside a bare
//   socket.io server answering the same event with a canned payload (the answer Loket gave the
//   first kiosk), in the same run: the two take turns BENCH_LOAD_IDLE_ROUNDS times and their
//   medians are compared. Each is first given BENCH_LOAD_IDLE_WARM kiosks, not counted, which it
//   holds throughout;
// - recovery: BENCH_LOAD_RECOVERY_KIOSKS kiosks holding tickets, BENCH_LOAD_RECOVERY_CALLS of
//   them in calls with an officer each, kill -9, restart, every client reconnecting with the real
//   clients' back-off; p50/p99 seconds from the server listening again until a kiosk's bootstrap
//   has its ticket (and call) back, and each officer's its call (SQLite, and PostgreSQL from
//   LOKET_TEST_POSTGRES_URL, a role that may make databases, or scripts/postgres-for-tests.sh);
// - queue length: server CPU per visitor (ticket, bootstrap, cancel) with 50 vs
//   BENCH_LOAD_LONG_QUEUE tickets waiting, the medians of BENCH_LOAD_QUEUE_ROUNDS runs of each,
//   each of BENCH_LOAD_VISITORS visitors; then the same through three instances behind HAProxy
//   on PostgreSQL and Redis (their CPU and PostgreSQL's), printed, not written.
// - throughput: 300 kiosks and 50 officers who each serve every ticket and answer at once; the offered rate rises by half a
//   step until completions fall under 90 % of it, then the best step's rate and 1.5× what it
//   completed are offered in turns, BENCH_LOAD_THROUGHPUT_TURNS times each, and their medians
//   compared (after a first step not counted, each step counted after a 5 s warm-up at its
//   rate; one instance on SQLite), with the cores each group of processes kept busy at the peak;
// - instances: the same curve for one instance and for three behind HAProxy on PostgreSQL and
//   Redis, their peaks and 1.5× figures printed, not written (PostgreSQL from
//   LOKET_TEST_POSTGRES_URL or scripts/postgres-for-tests.sh; Redis and HAProxy from Debian:
//   apt-get install -y redis-server haproxy).
// BENCH_LOAD_QUICK=1 shrinks every step; BENCH_LOAD_PARTS (idle,recovery,queue,throughput,
// instances) runs only those parts; BENCH_LOAD_CPU_PROF=<dir> profiles the seeded, clustered and
// bare servers (node --cpu-prof).
// Writes bench-results/load.json; stops every process it started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SOCKET_PATH } from '../shared/src/index.js';
import { migrateToLatest, openSqlite, type Db } from '../signaling-server/src/store/database.js';
import { clusterMissingReason, startCluster } from '../signaling-server/test/support/cluster.js';
import {
  bootstrapKiosk,
  connectAgent,
  connectKiosk,
} from '../signaling-server/test/support/load-clients.js';
import {
  analyze,
  scratchPostgres,
  withScratchPostgres,
} from '../signaling-server/test/support/scratch-postgres.js';
import {
  allRounders,
  seedOffice,
  type SeededAgent,
  type SeededOffice,
  type SkillPlan,
} from '../signaling-server/test/support/seed-office.js';
import {
  startServerProcess,
  type ServerProcess,
} from '../signaling-server/test/support/server-process.js';
import { ticketRow } from '../signaling-server/test/support/ticket-row.js';
import type { AgentSocket, KioskSocket } from '../signaling-server/test/harness.js';
import { measureCpu } from './load/cpu-shares.js';
import { throughputCurve, type ThroughputCurve } from './load/throughput.js';

const QUICK = process.env.BENCH_LOAD_QUICK === '1';
const IDLE_SIZES = (process.env.BENCH_LOAD_IDLE ?? (QUICK ? '200,500' : '1000,5000,10000'))
  .split(',')
  .map(Number);
const IDLE_S = Number(process.env.BENCH_LOAD_IDLE_S ?? (QUICK ? 3 : 10));
/**
 * How often each size is measured on Loket and on the bare server, taking turns; medians compared.
 * Five, as one round of the bare server alone swings by a third on this machine (0.43 to 0.64 ms
 * a connection with 10,000 kiosks), which three turns left the ratio to.
 */
const IDLE_ROUNDS = Number(process.env.BENCH_LOAD_IDLE_ROUNDS ?? (QUICK ? 1 : 5));
/**
 * Kiosks each server is given before the measured ones, and holds with them. A server's first
 * connections also pay for compiling the code they run, once: Loket has more of it than the bare
 * server, and with 1,000 kiosks that alone moved the ratio by a fifth. Both servers get the same.
 */
const IDLE_WARM = Number(process.env.BENCH_LOAD_IDLE_WARM ?? (QUICK ? 100 : 1000));
const RECOVERY_KIOSKS = Number(process.env.BENCH_LOAD_RECOVERY_KIOSKS ?? (QUICK ? 200 : 1000));
/** How many of the recovering kiosks are in a call with an officer when the server is killed. */
const RECOVERY_CALLS = Number(process.env.BENCH_LOAD_RECOVERY_CALLS ?? (QUICK ? 10 : 50));
const LONG_QUEUE = Number(process.env.BENCH_LOAD_LONG_QUEUE ?? (QUICK ? 1000 : 5000));
/**
 * Visitors per run of the queue part. A server's first few hundred visitors also pay for
 * compiling its code, the same whatever the queue's length: 300 came to 3.0 ms each where 1,000
 * came to 2.2 ms, which left the ratio measuring start-up more than the queue.
 */
const VISITORS = Number(process.env.BENCH_LOAD_VISITORS ?? (QUICK ? 100 : 1000));
/** How often the short and the long queue are each measured; their medians are compared. */
const QUEUE_ROUNDS = Number(process.env.BENCH_LOAD_QUEUE_ROUNDS ?? (QUICK ? 1 : 3));
const PORT = Number(process.env.BENCH_PORT ?? 8260);
// A directory here has each seeded server write a CPU profile into it as it stops.
const CPU_PROF_ARGS = process.env.BENCH_LOAD_CPU_PROF
  ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_LOAD_CPU_PROF]
  : [];
const RESULTS = 'bench-results/load.json';
const PARTS = new Set(
  (process.env.BENCH_LOAD_PARTS ?? 'idle,recovery,queue,throughput,instances')
    .split(',')
    .map((p) => p.trim()),
);
/** The throughput curve's office: kiosks, officers, the first rate and each step's length. */
const THROUGHPUT = {
  kiosks: 300,
  agents: 50,
  startPerMin: Number(process.env.BENCH_LOAD_START_PER_MIN ?? (QUICK ? 1200 : 3000)),
  seconds: Number(process.env.BENCH_LOAD_STEP_S ?? (QUICK ? 5 : 15)),
  maxSteps: QUICK ? 3 : 8,
  /** How often the peak's rate and 1.5× the peak are each offered after the curve; medians. */
  turns: Math.max(1, Number(process.env.BENCH_LOAD_THROUGHPUT_TURNS ?? (QUICK ? 1 : 3))),
};
/** Past capacity the office answers BUSY, as it does in service: that is what the curve shows. */
const ADMITTING = { BUSY_DELAY_MS: '500' };
const TICK_S = 1 / 100;

const SERVER_ENV = {
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  MAX_CONNECTIONS_PER_ADDRESS: '100000',
  // The benchmark offers more than the server takes only where it means to.
  BUSY_DELAY_MS: '0',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

/** CPU seconds a process has used, and its resident memory in bytes, from /proc. */
function usage(pid: number): { cpuS: number; rssBytes: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuS = (Number(fields[11]) + Number(fields[12])) * TICK_S;
  const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuS, rssBytes: Number(rss?.[1] ?? 0) * 1024 };
}

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    results.push(...(await Promise.all(items.slice(i, i + limit).map(work))));
  }
  return results;
}

const started: { stop(): Promise<unknown> }[] = [];

/** Stops a process the benchmark started, giving up on one that is already gone. */
const stopped = (handle: { stop(): Promise<unknown> }) =>
  Promise.race([handle.stop(), sleep(10_000)]);
const dirs: string[] = [];

async function seededServer(
  kiosks: number,
  prepare?: (db: Db, office: SeededOffice) => Promise<void>,
  {
    agents = 2,
    env = {},
    skills,
    postgresUrl,
  }: {
    agents?: number;
    env?: Record<string, string>;
    skills?: SkillPlan;
    /** A PostgreSQL server (its admin URL) to hold the office in a new database; else SQLite. */
    postgresUrl?: string;
  } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bench-load-'));
  dirs.push(dir);
  const scratch = postgresUrl ? await scratchPostgres(postgresUrl) : null;
  if (scratch) started.push({ stop: scratch.drop });
  const db = scratch?.db ?? openSqlite(path.join(dir, 'loket.db'));
  await migrateToLatest(db);
  const office = await seedOffice(db, { services: 3, kiosks, agents }, skills);
  await prepare?.(db, office);
  if (scratch) await analyze(db);
  else await db.destroy();
  const server = await startServerProcess(
    { ...SERVER_ENV, ...env, DATA_DIR: dir, ...(scratch ? { DATABASE_URL: scratch.url } : {}) },
    { entry: 'dist', port: PORT, startTimeoutMs: 60_000, nodeArgs: CPU_PROF_ARGS },
  );
  started.push(server);
  return { server, office };
}

async function bareServer(
  answerFile: string,
): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }> {
  const port = PORT + 1;
  const child = spawn(
    process.execPath,
    [...CPU_PROF_ARGS, 'bench/load/bare-server.mjs', String(port), SOCKET_PATH, answerFile],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    // SIGTERM lets a profiled server write its profile; one that does not go is killed.
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(kill);
  };
  const handle = { child, url: `http://127.0.0.1:${port}`, stop };
  started.push(handle);
  return handle;
}

/** Connects and bootstraps every kiosk: the sockets, and the first kiosk's bootstrap answer. */
async function connectAll(url: string, tokens: string[]) {
  const answers: unknown[] = [];
  const sockets = await inBatches(tokens, 200, async (token) => {
    const kiosk = await connectKiosk(url, token);
    answers.push(await kiosk.timeout(30_000).emitWithAck('kiosk:bootstrap', {}));
    return kiosk;
  });
  return { sockets, answer: answers[0] };
}

/**
 * Server CPU seconds per connection of the process `pid` (connecting, bootstrapping and then
 * holding every socket of `tokens` `IDLE_S` seconds), counted once the kiosks of `warm` are
 * connected and bootstrapped; its resident bytes per connection held, all of them; the first
 * counted kiosk's bootstrap answer. Memory counts the warm kiosks too: the heap grows in steps of
 * megabytes, and a step more or less in a measure of only 1,000 kiosks halved or doubled it.
 */
async function heldCost(pid: number, url: string, warm: string[], tokens: string[]) {
  const start = usage(pid);
  const warmed = await connectAll(url, warm);
  // What the warm connections left to do (compiling what they ran, collecting) is done first.
  await sleep(2_000);
  const before = usage(pid);
  const { sockets, answer } = await connectAll(url, tokens);
  await sleep(IDLE_S * 1000);
  const after = usage(pid);
  for (const socket of [...warmed.sockets, ...sockets]) socket.close();
  return {
    cpuPerConnection: (after.cpuS - before.cpuS) / tokens.length,
    bytesPerConnection:
      Math.max(1, after.rssBytes - start.rssBytes) / (warm.length + tokens.length),
    answer,
  };
}

async function idle(kiosks: number) {
  const loket: { cpuPerConnection: number; bytesPerConnection: number }[] = [];
  const plain: { cpuPerConnection: number; bytesPerConnection: number }[] = [];
  // The bare server answers every bootstrap with Loket's answer to the first kiosk, so both
  // send the same bytes and the ratio is the cost of what Loket does to answer.
  const cannedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bench-bare-'));
  dirs.push(cannedDir);
  const canned = path.join(cannedDir, 'bootstrap-answer.json');
  // Taking turns, so a slower spell of this shared machine falls on both alike.
  for (let turn = 0; turn < IDLE_ROUNDS; turn++) {
    const { server, office } = await seededServer(IDLE_WARM + kiosks);
    const everyToken = office.kiosks.map((kiosk) => kiosk.token);
    const [warm, tokens] = [everyToken.slice(0, IDLE_WARM), everyToken.slice(IDLE_WARM)];
    const seeded = await heldCost(server.child().pid!, server.url, warm, tokens);
    await server.stop();
    if (turn === 0) fs.writeFileSync(canned, JSON.stringify(seeded.answer));
    const bare = await bareServer(canned);
    const held = await heldCost(bare.child.pid!, bare.url, warm, tokens);
    await bare.stop();
    loket.push(seeded);
    plain.push(held);
    console.log(
      `idle ${kiosks} kiosks, round ${turn + 1}: Loket ` +
        `${round(seeded.cpuPerConnection * 1000, 3)} CPU ms/conn, bare ` +
        `${round(held.cpuPerConnection * 1000, 3)} CPU ms/conn`,
    );
  }
  const median = (rows: typeof loket, key: keyof (typeof loket)[number]) =>
    percentile(
      rows.map((row) => row[key]),
      0.5,
    );
  const loketCpu = median(loket, 'cpuPerConnection');
  const plainCpu = median(plain, 'cpuPerConnection');
  const loketBytes = median(loket, 'bytesPerConnection');
  const plainBytes = median(plain, 'bytesPerConnection');
  // A tick of CPU is the finest /proc counts; the floor keeps a bare zero from dividing.
  const cpu_ratio = round(loketCpu / Math.max(plainCpu, TICK_S / kiosks));
  const heap_ratio = round(loketBytes / plainBytes);
  console.log(
    `idle ${kiosks} kiosks, medians of ${IDLE_ROUNDS}: Loket ${round(loketCpu * 1000, 3)} CPU ms/conn, ` +
      `${Math.round(loketBytes)} B/conn; bare ${round(plainCpu * 1000, 3)} CPU ms/conn, ` +
      `${Math.round(plainBytes)} B/conn; ratios CPU ${cpu_ratio}, memory ${heap_ratio}`,
  );
  return { kiosks, cpu_ratio, heap_ratio };
}

/** Signs one officer in and puts them away: tickets are taken, nobody is offered them. */
async function officerAway(url: string, officer: SeededAgent) {
  const agent = await connectAgent(url, officer.cookie);
  const set = await agent.timeout(10_000).emitWithAck('agent:setStatus', { status: 'away' });
  if (!set.ok) throw new Error(`status refused: ${set.error.code}`);
  return agent;
}

function takeTicket(kiosk: KioskSocket, serviceId: string): Promise<string> {
  return kiosk
    .timeout(30_000)
    .emitWithAck('ticket:create', { clientId: randomUUID(), serviceId, language: 'id', needs: [] })
    .then((made) => {
      if (!made.ok) throw new Error(`ticket refused: ${made.error.code}`);
      return made.data.ticket.id;
    });
}

/** An officer available until offered a ticket, which they accept: the call it starts. */
async function officerInCall(server: ServerProcess, officer: SeededAgent) {
  const agent = await connectAgent(server.url, officer.cookie, true);
  const call = new Promise<{ callId: string; ticketId: string }>((resolve, reject) => {
    agent.once('offer:new', ({ ticketId }) => {
      agent
        .timeout(30_000)
        .emitWithAck('offer:accept', { ticketId })
        .then((accepted) => {
          if (accepted.ok) resolve({ callId: accepted.data.call.callId, ticketId });
          else reject(new Error(`accept refused: ${accepted.error.code}`));
        }, reject);
    });
  });
  const set = await agent.timeout(10_000).emitWithAck('agent:setStatus', { status: 'available' });
  if (!set.ok) throw new Error(`status refused: ${set.error.code}`);
  return { agent, call };
}

/**
 * Seconds from `listening()` until `socket` has connected again and `check` accepts what its
 * bootstrap answers; a client that gets something else fails the run.
 */
function backAfterRestart<S extends KioskSocket | AgentSocket>(
  socket: S,
  bootstrap: (socket: S) => Promise<boolean>,
  listening: () => number,
  name: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.io.once('reconnect', () => {
      bootstrap(socket).then((back) => {
        if (back) resolve(performance.now() - listening());
        else reject(new Error(`${name} did not get its ticket or call back`));
      }, reject);
    });
  });
}

/**
 * `RECOVERY_KIOSKS` kiosks holding tickets, the first `RECOVERY_CALLS` of them in calls with an
 * officer each, the rest waiting; the server is killed and restarted while every kiosk and
 * console holds its socket and reconnects with the real clients' back-off. Seconds from the
 * server listening again until each kiosk's bootstrap has its ticket (and call) back, and each
 * officer's its call.
 */
async function recovery(store: 'SQLite' | 'PostgreSQL', postgresUrl?: string) {
  const calls = Math.min(RECOVERY_CALLS, RECOVERY_KIOSKS);
  const { server, office } = await seededServer(RECOVERY_KIOSKS, undefined, {
    agents: calls + 1,
    skills: allRounders,
    postgresUrl,
  });
  const serviceId = office.serviceIds[0]!;
  // One officer signed in but away: the office takes tickets while the others are in calls.
  const away = await officerAway(server.url, office.agents[calls]!);
  const officers = await inBatches(office.agents.slice(0, calls), 50, (officer) =>
    officerInCall(server, officer),
  );
  const kiosks = await inBatches(office.kiosks, 200, async ({ token }) => {
    const kiosk = await connectKiosk(server.url, token, true);
    await bootstrapKiosk(kiosk, 30_000);
    return kiosk;
  });
  const tickets: string[] = [];
  tickets.push(...(await inBatches(kiosks.slice(0, calls), 10, (k) => takeTicket(k, serviceId))));
  const callOf = new Map(
    (await Promise.all(officers.map((officer) => officer.call))).map((c) => [c.ticketId, c.callId]),
  );
  tickets.push(...(await inBatches(kiosks.slice(calls), 100, (k) => takeTicket(k, serviceId))));
  away.close();

  // A client that is back before /healthz answers proves the server was listening already.
  let listeningAt = Infinity;
  const listening = () => listeningAt;
  const kiosksBack = kiosks.map((kiosk, index) =>
    backAfterRestart(
      kiosk,
      async (socket) => {
        listeningAt = Math.min(listeningAt, performance.now());
        const boot = await bootstrapKiosk(socket, 60_000);
        const ticketId = tickets[index]!;
        return (
          boot.ok &&
          boot.data.ticket?.id === ticketId &&
          (boot.data.call?.callId ?? null) === (callOf.get(ticketId) ?? null)
        );
      },
      listening,
      `kiosk ${index}`,
    ),
  );
  const officersBack = officers.map(({ agent, call }, index) =>
    backAfterRestart(
      agent,
      async (socket) => {
        listeningAt = Math.min(listeningAt, performance.now());
        const boot = await socket.timeout(60_000).emitWithAck('agent:bootstrap', {});
        return boot.ok && boot.data.call?.callId === (await call).callId;
      },
      listening,
      `officer ${index}`,
    ),
  );
  await server.kill9();
  await server.restart();
  listeningAt = Math.min(listeningAt, performance.now());
  const back = (await Promise.all(kiosksBack)).map((ms) => ms / 1000);
  const callsBack = (await Promise.all(officersBack)).map((ms) => ms / 1000);
  // What the restarted server spent, start-up included: a figure other work on the machine
  // does not stretch, unlike the seconds.
  const serverCpuS = usage(server.child().pid!).cpuS;
  for (const socket of [...kiosks, ...officers.map((officer) => officer.agent)]) socket.close();
  await server.stop();
  const row = {
    store,
    kiosks: RECOVERY_KIOSKS,
    calls,
    p50_s: round(percentile(back, 0.5)),
    p99_s: round(percentile(back, 0.99)),
    officers_p99_s: calls ? round(percentile(callsBack, 0.99)) : null,
    server_cpu_s: round(serverCpuS),
  };
  console.log(
    `recovery (${store}), ${RECOVERY_KIOSKS} kiosks (${calls} in calls): kiosks p50 ` +
      `${row.p50_s} s, p99 ${row.p99_s} s; officers back in their calls p99 ` +
      `${row.officers_p99_s} s; server CPU ${row.server_cpu_s} s`,
  );
  return row;
}

/** Queues `waiting` tickets at the office's last kiosk, oldest first. */
async function fillQueue(db: Db, office: SeededOffice, waiting: number) {
  const now = Date.now();
  for (let i = 0; i < waiting; i += 500) {
    await db
      .insertInto('tickets')
      .values(
        Array.from({ length: Math.min(500, waiting - i) }, (_, j) =>
          ticketRow({
            id: randomUUID(),
            office_id: office.officeId,
            service_id: office.serviceIds[(i + j) % office.serviceIds.length]!,
            kiosk_id: office.kiosks[VISITORS]!.id,
            queued_at: now - waiting + i + j,
            client_id: randomUUID(),
            number: `Q${i + j}`,
            updated_at: now,
            consented_at: now,
          }),
        ),
      )
      .execute();
  }
}

/**
 * CPU milliseconds per visitor (ticket, bootstrap, cancel) of `VISITORS` visitors at the office's
 * first kiosks through `url`, one officer signed in and away; `cpuSeconds` counts what the
 * servers (and their store) used so far.
 */
async function visitsCost(url: string, office: SeededOffice, cpuSeconds: () => number) {
  const agent = await officerAway(url, office.agents[0]!);
  const { sockets } = await connectAll(
    url,
    office.kiosks.slice(0, VISITORS).map((kiosk) => kiosk.token),
  );
  const visit = async (kiosk: KioskSocket) => {
    const made = await kiosk.timeout(30_000).emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: office.serviceIds[0]!,
      language: 'id',
      needs: [],
    });
    if (!made.ok) throw new Error(`ticket refused: ${made.error.code}`);
    await kiosk.timeout(30_000).emitWithAck('kiosk:bootstrap', {});
    await kiosk.timeout(30_000).emitWithAck('ticket:cancel', { ticketId: made.data.ticket.id });
  };
  // One visitor first: the server's first telling of places after it starts tells every waiting
  // ticket its place, once per process, which is no visitor's cost.
  await visit(sockets[0]!);
  await sleep(500);
  const before = cpuSeconds();
  await inBatches(sockets, 20, visit);
  // Place tellings still due are part of what the visitors cost.
  await sleep(1000);
  const cpuMs = ((cpuSeconds() - before) * 1000) / VISITORS;
  for (const socket of [...sockets, agent]) socket.close();
  return cpuMs;
}

/** Server CPU milliseconds per visitor with `waiting` tickets queued: one instance on SQLite. */
async function visitorCost(waiting: number): Promise<number> {
  const { server, office } = await seededServer(VISITORS + 1, (db, seeded) =>
    fillQueue(db, seeded, waiting),
  );
  const pid = server.child().pid!;
  const cpuMs = await visitsCost(server.url, office, () => usage(pid).cpuS);
  await server.stop();
  console.log(`${waiting} waiting: ${round(cpuMs)} ms of server CPU per visitor`);
  return cpuMs;
}

/**
 * CPU milliseconds per visitor of three instances behind HAProxy and their PostgreSQL, with
 * `waiting` tickets queued: each instance's line moves on at the others' hands.
 */
async function clusterVisitorCost(adminUrl: string, waiting: number): Promise<number> {
  return withScratchPostgres(adminUrl, async (db, url) => {
    await migrateToLatest(db);
    const office = await seedOffice(db, { services: 3, kiosks: VISITORS + 1, agents: 2 });
    await fillQueue(db, office, waiting);
    await analyze(db);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bench-load-'));
    dirs.push(dir);
    const cluster = await startCluster(
      { ...SERVER_ENV, DATA_DIR: dir, DATABASE_URL: url },
      3,
      'dist',
      CPU_PROF_ARGS,
    );
    started.push(cluster);
    try {
      const pids = cluster.instances.map((instance) => instance.child().pid!);
      const cpuMs = await visitsCost(cluster.url, office, () =>
        pids.reduce((sum, pid) => sum + usage(pid).cpuS, postgresCpuS()),
      );
      console.log(
        `3 instances, ${waiting} waiting: ${round(cpuMs)} ms of server and PostgreSQL CPU per visitor`,
      );
      return cpuMs;
    } finally {
      await cluster.stop();
    }
  });
}

/** CPU seconds used so far by every PostgreSQL process. */
function postgresCpuS(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      total += usage(Number(entry)).cpuS;
    } catch {
      // ended since the listing
    }
  }
  return total;
}

/**
 * Where the machine's CPU goes at the peak: the Loket server processes (`servers`), the stores and
 * the balancer, this process (which runs the load generator's clients) and everything else.
 */
function cpuOf(servers: (number | undefined)[]) {
  return () =>
    measureCpu((pid, comm) => {
      if (servers.includes(pid)) return 'Loket';
      if (pid === process.pid) return 'load generator';
      if (comm === 'postgres') return 'PostgreSQL';
      if (comm === 'redis-server') return 'Redis';
      if (comm === 'haproxy') return 'HAProxy';
      return 'other';
    });
}

async function throughput(): Promise<ThroughputCurve> {
  const { server, office } = await seededServer(THROUGHPUT.kiosks, undefined, {
    agents: THROUGHPUT.agents,
    env: ADMITTING,
    skills: allRounders,
  });
  const curve = await throughputCurve('1 instance, SQLite', server.url, office, {
    ...THROUGHPUT,
    cpu: cpuOf([server.child().pid]),
  });
  await server.stop();
  return curve;
}

/** PostgreSQL's admin URL from the environment, else from the local PostgreSQL the tests use. */
function postgresAdminUrl(): string | null {
  if (process.env.LOKET_TEST_POSTGRES_URL) return process.env.LOKET_TEST_POSTGRES_URL;
  const found = spawnSync('bash', ['scripts/postgres-for-tests.sh'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim().split('\n').at(-1)! : null;
}

/** The same curve through HAProxy to `count` instances on one PostgreSQL and one Redis. */
async function clusterCurve(adminUrl: string, count: number): Promise<ThroughputCurve> {
  return withScratchPostgres(adminUrl, async (db, url) => {
    await migrateToLatest(db);
    const office = await seedOffice(
      db,
      { services: 3, kiosks: THROUGHPUT.kiosks, agents: THROUGHPUT.agents },
      allRounders,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-bench-load-'));
    dirs.push(dir);
    const cluster = await startCluster(
      { ...SERVER_ENV, ...ADMITTING, DATA_DIR: dir, DATABASE_URL: url },
      count,
      'dist',
      CPU_PROF_ARGS,
    );
    started.push(cluster);
    try {
      return await throughputCurve(`${count} behind HAProxy, PostgreSQL`, cluster.url, office, {
        ...THROUGHPUT,
        cpu: cpuOf(cluster.instances.map((instance) => instance.child().pid)),
      });
    } finally {
      await cluster.stop();
    }
  });
}

/** PostgreSQL's admin URL if a cluster can run here; else none, once `what` is said not measured. */
function clusterStore(what: string): string | null {
  const adminUrl = postgresAdminUrl();
  const missing = adminUrl
    ? clusterMissingReason()
    : 'no PostgreSQL (apt-get install -y postgresql)';
  if (missing) console.log(`${what}: not measured, ${missing}`);
  return missing ? null : adminUrl!;
}

/** One instance against three on the same stores; printed beside the curve, not in load.json. */
async function instancesCompared() {
  const adminUrl = clusterStore('three instances against one');
  if (!adminUrl) return;
  const one = await clusterCurve(adminUrl, 1);
  const three = await clusterCurve(adminUrl, 3);
  console.log(
    `peak through HAProxy on PostgreSQL and Redis: 1 instance ${one.peakPerMin}/min ` +
      `(${one.atOneAndAHalfPeakRatio} of it at 1.5×), 3 instances ${three.peakPerMin}/min ` +
      `(${three.atOneAndAHalfPeakRatio} of it at 1.5×; ${round(three.peakPerMin / one.peakPerMin)}× one), ` +
      `on ${os.availableParallelism()} cores`,
  );
}

/** The queue part through three instances; printed, not in load.json. */
async function clusterQueueLength() {
  const adminUrl = clusterStore('cost per visitor through three instances');
  if (!adminUrl) return;
  const short: number[] = [];
  const long: number[] = [];
  for (let run = 0; run < QUEUE_ROUNDS; run++) {
    short.push(await clusterVisitorCost(adminUrl, 50));
    long.push(await clusterVisitorCost(adminUrl, LONG_QUEUE));
  }
  console.log(
    `cost per visitor through three instances, ${LONG_QUEUE} vs 50 waiting (medians of ` +
      `${QUEUE_ROUNDS}): ${round(percentile(long, 0.5) / percentile(short, 0.5))}×`,
  );
}

async function main() {
  const idleRows = [];
  if (PARTS.has('idle')) for (const kiosks of IDLE_SIZES) idleRows.push(await idle(kiosks));
  const recoveryRows = [];
  if (PARTS.has('recovery')) {
    recoveryRows.push(await recovery('SQLite'));
    const adminUrl = postgresAdminUrl();
    if (adminUrl) recoveryRows.push(await recovery('PostgreSQL', adminUrl));
    else
      console.log(
        'recovery on PostgreSQL: not measured, no PostgreSQL (apt-get install -y postgresql)',
      );
    console.table(recoveryRows);
  }
  let queueLengthCostRatio = null;
  if (PARTS.has('queue')) {
    const short: number[] = [];
    const long: number[] = [];
    for (let run = 0; run < QUEUE_ROUNDS; run++) {
      short.push(await visitorCost(50));
      long.push(await visitorCost(LONG_QUEUE));
    }
    queueLengthCostRatio = round(percentile(long, 0.5) / percentile(short, 0.5));
    console.log(
      `cost per visitor, ${LONG_QUEUE} vs 50 waiting (medians of ${QUEUE_ROUNDS}): ${queueLengthCostRatio}×`,
    );
    await clusterQueueLength();
  }
  let curve = null;
  if (PARTS.has('throughput')) curve = await throughput();
  if (PARTS.has('instances')) await instancesCompared();
  // A part left out by BENCH_LOAD_PARTS is written as null rather than as a figure.
  const result = {
    idle: idleRows,
    throughput: {
      peak_per_min: curve?.peakPerMin ?? null,
      at_1_5x_peak_ratio: curve?.atOneAndAHalfPeakRatio ?? null,
    },
    // The slower store's figure: the goal holds for both.
    recovery: {
      p99_s: recoveryRows.length ? Math.max(...recoveryRows.map((row) => row.p99_s)) : null,
    },
    queue_length_cost_ratio: queueLengthCostRatio,
  };
  console.table(idleRows);
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
}

try {
  await main();
} finally {
  await Promise.allSettled(started.map(stopped));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
