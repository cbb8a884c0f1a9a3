import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterEach, expect, test } from 'vitest';
import type { Db } from '../src/store/database.js';
import { lockAgent } from '../src/store/repositories/agents.js';
import { clearTimer } from '../src/store/repositories/timers.js';
import { startServer, type TestServer } from './harness.js';
import { testDialect } from './test-database.js';

// Row locks only exist on PostgreSQL (SQLite runs one writer at a time), so this file runs only
// in signaling-server-postgres.
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
