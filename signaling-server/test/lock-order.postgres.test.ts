import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterEach, expect, test } from 'vitest';
import type { Db } from '../src/store/database.js';
import { lockAgent } from '../src/store/repositories/agents.js';
import { clearTimer } from '../src/store/repositories/timers.js';
import { nextEvent, startServer, type TestServer } from './harness.js';
import { testDialect } from './test-database.js';

// Row and advisory locks only exist on PostgreSQL (SQLite runs one writer at a time), so this
// file runs only in signaling-server-postgres.
let server: TestServer;
let other: Db | undefined;
afterEach(async () => {
  await other?.destroy();
  await server.close();
});

/** Sessions of this database waiting for a row lock. */
async function lockWaiters(db: Db): Promise<number> {
  const { rows } = await sql<{ waiting: string }>`
    select count(*) as waiting from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
  return Number(rows[0]?.waiting ?? 0);
}

test('a wrap-up timer falling due while the officer ends wrap-up by hand takes no deadlock', async () => {
  expect(testDialect).toBe('postgres');
  const lines: string[] = [];
  const log = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  server = await startServer({ log });
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'available' });
  const { user_id: agentId, office_id: officeId } = await server.db
    .selectFrom('agents')
    .select(['user_id', 'office_id'])
    .executeTakeFirstOrThrow();
  await server.db.updateTable('agents').set({ status: 'wrap_up' }).execute();

  // The officer's "available" (setAgentStatus) on a connection of its own: the agent's row
  // first, then the wrap-up timer, held open while the sweep runs into it.
  other = server.connect();
  let locked!: () => void;
  let release!: () => void;
  const agentLocked = new Promise<void>((resolve) => (locked = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const endsWrapUp = other.transaction().execute(async (trx) => {
    await lockAgent(trx, agentId);
    locked();
    await released;
    await trx
      .updateTable('agents')
      .set({ status: 'available', status_since: Date.now() })
      .where('user_id', '=', agentId)
      .execute();
    await clearTimer(trx, 'wrap_up_end', agentId);
  });
  await agentLocked;

  await server.db
    .insertInto('timers')
    .values({
      id: randomUUID(),
      office_id: officeId,
      kind: 'wrap_up_end',
      ref_id: agentId,
      due_at: Date.now() - 1,
    })
    .execute();
  // The server's sweep (every 50 ms) has the timer and waits for the agent's row.
  await expect.poll(() => lockWaiters(server.db), { timeout: 5000 }).toBeGreaterThanOrEqual(1);
  release();
  await expect(endsWrapUp).resolves.toBeUndefined();

  await expect
    .poll(() => server.db.selectFrom('timers').select('kind').execute(), { timeout: 5000 })
    .toEqual([]);
  await expect.poll(() => lockWaiters(server.db)).toBe(0);
  const { status } = await server.db
    .selectFrom('agents')
    .select('status')
    .where('user_id', '=', agentId)
    .executeTakeFirstOrThrow();
  expect(status).toBe('available');
  expect(lines.filter((line) => /deadlock/i.test(line))).toEqual([]);
});

test('an office matched by another instance is matched here once that one is done, without a connection waiting for it', async () => {
  expect(testDialect).toBe('postgres');
  server = await startServer();
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'available' });
  const kiosk = await server.kiosk();
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok || !boot.data.services[0]) throw new Error('no bootstrap');
  const { office_id: officeId } = await server.db
    .selectFrom('agents')
    .select('office_id')
    .executeTakeFirstOrThrow();

  // Another instance's matching of the office, held open on a connection of its own.
  other = server.connect();
  let locked!: () => void;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (locked = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const matching = other.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${officeId}))`.execute(trx);
    locked();
    await released;
  });
  await held;

  const offered = nextEvent(agent, 'offer:new', 5000);
  const created = await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: boot.data.services[0].id,
    language: 'id',
  });
  if (!created.ok) throw new Error(created.error.code);
  // Matching is asked for again and again while the office is held: no connection waits on it,
  // and the ticket waits.
  for (let look = 0; look < 8; look++) {
    await sleep(60);
    expect(await lockWaiters(server.db)).toBe(0);
  }
  const waiting = await server.db
    .selectFrom('tickets')
    .select('status')
    .where('id', '=', created.data.ticket.id)
    .executeTakeFirstOrThrow();
  expect(waiting.status).toBe('waiting');

  release();
  await matching;
  expect(await offered).toMatchObject({ ticketId: created.data.ticket.id });
});
