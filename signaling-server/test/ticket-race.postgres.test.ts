import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Outbox } from '../src/context/outbox.js';
import { changeTicket } from '../src/queue/ticket-moves.js';
import type { Db } from '../src/store/database.js';
import { findTicket, moveTicket } from '../src/store/repositories/tickets.js';
import { openDemoDatabase, testDialect, type TestDatabase } from './test-database.js';

// Two pools on one PostgreSQL database, as two server instances would have. SQLite has a single
// writer, so this race only exists here (the file runs only in signaling-server-postgres).
let store: TestDatabase;
let other: Db;
let agents: string[];

beforeEach(async () => {
  expect(testDialect).toBe('postgres');
  store = await openDemoDatabase();
  other = store.connect();
  const rows = await store.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'agent')
    .orderBy('id')
    .execute();
  agents = rows.map((row) => row.id);
  expect(agents.length).toBeGreaterThanOrEqual(2);
});

afterEach(async () => {
  await other.destroy();
  await store.dispose();
});

/**
 * A waiting ticket. Written with the columns every ticket has had since the first migration, so
 * later columns take their defaults and this test does not follow every change of TicketRow.
 */
async function waitingTicket(db: Db, number: string): Promise<string> {
  const kiosk = await db.selectFrom('kiosks').selectAll().executeTakeFirstOrThrow();
  const service = await db.selectFrom('services').selectAll().executeTakeFirstOrThrow();
  const id = randomUUID();
  const now = Date.now();
  await sql`
    insert into tickets (id, office_id, service_id, kiosk_id, client_id, number, language, status,
      created_at, queued_at, updated_at)
    values (${id}, ${kiosk.office_id}, ${service.id}, ${kiosk.id}, ${randomUUID()}, ${number},
      'id', 'waiting', ${now}, ${now}, ${now})`.execute(db);
  return id;
}

const offerTo = (agentId: string) => ({
  status: 'offered' as const,
  updated_at: Date.now(),
  offered_agent_id: agentId,
  offer_expires_at: Date.now() + 20_000,
});

/** Sessions of this database waiting for a row lock. */
async function lockWaiters(db: Db): Promise<number> {
  const { rows } = await sql<{ waiting: number }>`
    select count(*) as waiting from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
  return rows[0]?.waiting ?? 0;
}

test('the second connection waits for the first one’s move, then finds the ticket taken', async () => {
  const [first, second] = agents as [string, string];
  const id = await waitingTicket(store.db, 'A001');
  let moved!: () => void;
  let release!: () => void;
  const firstMoved = new Promise<void>((resolve) => (moved = resolve));
  const held = new Promise<void>((resolve) => (release = resolve));

  const a = store.db.transaction().execute(async (trx) => {
    const won = await moveTicket(trx, id, 'waiting', offerTo(first));
    moved();
    await held; // the row stays locked, the move uncommitted
    return won !== undefined;
  });
  await firstMoved;
  const b = other
    .transaction()
    .execute(async (trx) => (await moveTicket(trx, id, 'waiting', offerTo(second))) !== undefined);
  // b has really started and blocks on a's row lock rather than running before or after it.
  await expect.poll(() => lockWaiters(store.db)).toBe(1);
  release();

  expect(await Promise.all([a, b])).toEqual([true, false]);
  expect(await findTicket(store.db, id)).toMatchObject({
    status: 'offered',
    offered_agent_id: first,
  });
});

test('racing offers of many tickets over two pools: each ticket has exactly one winner', async () => {
  const [first, second] = agents as [string, string];
  const ids: string[] = [];
  for (let i = 1; i <= 40; i++)
    ids.push(await waitingTicket(store.db, `A${String(i).padStart(3, '0')}`));

  const results = await Promise.all(
    ids.map((id) =>
      Promise.all(
        [
          moveTicket(store.db, id, 'waiting', offerTo(first)),
          moveTicket(other, id, 'waiting', offerTo(second)),
        ].map(async (move) => (await move) !== undefined),
      ),
    ),
  );

  for (const [byFirst, bySecond] of results) expect(byFirst !== bySecond).toBe(true);
  const rows = await store.db.selectFrom('tickets').selectAll().where('id', 'in', ids).execute();
  const winners = new Map(ids.map((id, i) => [id, results[i]![0] ? first : second]));
  for (const row of rows) {
    expect(row).toMatchObject({ status: 'offered', offered_agent_id: winners.get(row.id) });
  }
});

test('a ticket read before another connection gave it priority joins the line with its priority, as the row holds it', async () => {
  const [first] = agents as [string];
  const id = await waitingTicket(store.db, 'A001');
  await moveTicket(store.db, id, 'waiting', offerTo(first));
  // Read unlocked, as a returned or expired offer reads it: ringing, normal.
  const read = (await findTicket(store.db, id))!;
  expect(read).toMatchObject({ status: 'offered', priority: 'normal' });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let prioritised!: () => void;
  const rowTaken = new Promise<void>((resolve) => (prioritised = resolve));
  // A manager gives the ringing ticket priority; the row stays locked until released.
  const manager = other.transaction().execute(async (trx) => {
    await trx.updateTable('tickets').set({ priority: 'priority' }).where('id', '=', id).execute();
    prioritised();
    await held;
  });
  await rowTaken;
  const outbox = new Outbox();
  const returned = store.db
    .transaction()
    .execute((trx) =>
      changeTicket(trx, outbox, read, { status: 'waiting', offered_agent_id: null, updated_at: 1 }),
    );
  await expect.poll(() => lockWaiters(store.db)).toBe(1);
  release();
  await manager;
  expect(await returned).toMatchObject({ status: 'waiting', priority: 'priority' });
  const told = [...outbox.lineChanges.values()][0]?.get(id);
  expect(told).toMatchObject({ id, priority: 'priority' });
});
