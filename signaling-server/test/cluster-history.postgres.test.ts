import { TERMINAL_TICKET_STATUSES } from '@loket/shared';
import { afterAll, expect, test } from 'vitest';
import type { Db } from '../src/store/database.js';
import { checkDrained, checkExclusion, checkRouting, loadAudit } from './support/history-check.js';
import { History, Simulation } from './support/history-sim.js';
import { openChildStore, type ChildStore } from './support/history-store.js';
import { prng } from './support/prng.js';
import { seedOffice } from './support/seed-office.js';
import { startCluster, type Cluster } from './support/cluster.js';

// The history check across a cluster: three instances on one PostgreSQL and one Redis behind
// HAProxy, one of them killed with SIGKILL mid-run and never restarted. Its kiosks and consoles
// reconnect through the balancer to the other two, and the queue's properties must hold as they
// do for one process. LOKET_HISTORY_SEED replays a run.
const SEED = Number(process.env.LOKET_HISTORY_SEED ?? 20_261_204);
const KIOSKS = 120;
const AGENTS = 30;
const PHASE_MS = 10_000;
const DRAIN_MS = 30_000;
const GRACE_MS = 3000;
/** On PostgreSQL commit order is not recorded: an inversion must outlast in-flight commits. */
const SLACK_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let store: ChildStore | undefined;
let cluster: Cluster | undefined;
let sim: Simulation | undefined;
afterAll(async () => {
  await sim?.stop().catch(() => {});
  await cluster?.stop().catch(() => {});
  await store?.dispose();
});

async function drained(db: Db): Promise<boolean> {
  const open = await db
    .selectFrom('tickets')
    .select('id')
    .where('status', 'not in', [...TERMINAL_TICKET_STATUSES])
    .execute();
  const calls = await db.selectFrom('calls').select('id').where('ended_at', 'is', null).execute();
  return open.length === 0 && calls.length === 0;
}

test('history check across three instances behind HAProxy, one killed -9: queue properties hold', async () => {
  const started = Date.now();
  process.stdout.write(`cluster history check: seed ${SEED} (LOKET_HISTORY_SEED)\n`);
  store = await openChildStore('postgres');
  const office = await seedOffice(store.db, { services: 3, kiosks: KIOSKS, agents: AGENTS });
  cluster = await startCluster({
    ...store.env,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    OFFER_TIMEOUT_SECONDS: '1',
    WRAP_UP_SECONDS: '0.3',
    RECONNECT_GRACE_SECONDS: String(GRACE_MS / 1000),
    SWEEP_INTERVAL_MS: '100',
    MAX_CONNECTIONS_PER_ADDRESS: String(2 * (KIOSKS + AGENTS)),
  });
  const history = new History();
  sim = new Simulation(cluster.url, office, prng(SEED), history, {
    graceMs: GRACE_MS,
    createChance: 0.006,
  });
  await sim.connectAll();
  await sleep(500);
  sim.start();

  await sleep(PHASE_MS);
  const createdBeforeKill = [...sim.created.keys()];
  const killAt = Date.now();
  history.add('test', 'kill -9 of one instance');
  await cluster.instances[1]!.kill9();

  await sleep(PHASE_MS);
  history.add('test', 'drain');
  sim.drain();
  const drainStarted = Date.now();
  while (Date.now() - drainStarted < DRAIN_MS && !(await drained(store.db))) await sleep(250);
  const drainMs = Date.now() - drainStarted;
  await sim.stop();
  await sleep(1000);

  const audit = await loadAudit(store.db, 'postgres');
  const finalTickets = await store.db.selectFrom('tickets').selectAll().execute();
  const stored = new Set(finalTickets.map((ticket) => ticket.id));
  const violations = [
    ...history.clientViolations,
    ...checkExclusion(audit, []),
    ...checkRouting({
      audit,
      tickets: finalTickets,
      agents: office.agents,
      restarts: [],
      transfers: sim.transfers,
      slackMs: SLACK_MS,
    }),
    ...(await checkDrained(store.db)),
    ...createdBeforeKill
      .filter((id) => !stored.has(id))
      .map((id) => ({ property: 'no ticket lost', message: `ticket ${id} is gone`, ids: [id] })),
  ];

  // The clients the kill cut off, and whether each came back through the balancer.
  const cut = new Set(
    history.entries
      .filter((entry) => entry.t >= killAt && entry.kind === 'ev:disconnect')
      .filter((entry) => (entry.data as { reason: string }).reason === 'transport close')
      .map((entry) => entry.who),
  );
  const back = [...cut].filter((who) =>
    history.entries.some(
      (entry) => entry.who === who && entry.t > killAt && entry.kind === 'ev:connect',
    ),
  );
  const actions = (name: string) => audit.filter((row) => row.action === name).length;
  const summary = {
    seed: SEED,
    kiosks: KIOSKS,
    agents: AGENTS,
    ticketsCreated: actions('ticket.created'),
    offers: actions('offer.made'),
    accepted: actions('offer.accepted'),
    expired: actions('offer.expired'),
    callsEnded: audit.filter((row) => row.action === 'call.ended').length,
    ticketsAbandoned: actions('ticket.abandoned'),
    cutByKill: cut.size,
    reconnectedElsewhere: back.length,
    drainMs,
    wallSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
  process.stdout.write(`cluster history check summary: ${JSON.stringify(summary)}\n`);
  if (violations.length) {
    process.stdout.write(
      `${violations.length} violation(s), seed ${SEED}:\n` +
        violations
          .slice(0, 5)
          .map((v) =>
            [
              `  ✗ ${v.property}: ${v.message}`,
              ...audit
                .filter((row) =>
                  v.ids.some((id) =>
                    `${row.subject_id} ${JSON.stringify(row.details)}`.includes(id),
                  ),
                )
                .map(
                  (row) =>
                    `    #${row.order} +${row.at - killAt}ms ${row.action} ${row.subject_id} ${JSON.stringify(row.details)}`,
                ),
            ].join('\n'),
          )
          .join('\n') +
        `\nsurviving instance output (last lines):\n${cluster.instances[0]!.output().split('\n').slice(-30).join('\n')}\n`,
    );
  }
  expect(violations.map((v) => `${v.property}: ${v.message}`)).toEqual([]);
  // The kill cut off roughly a third of the clients, and every one of them came back.
  expect(cut.size).toBeGreaterThan((KIOSKS + AGENTS) / 6);
  expect(back.length).toBe(cut.size);
  expect(summary.ticketsCreated).toBeGreaterThan(100);
  expect(summary.accepted).toBeGreaterThan(20);
}, 120_000);
