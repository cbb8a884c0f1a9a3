import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, type Db } from '../database.js';
import { prepared } from '../prepared.js';
import { watchQueries, type QueryKind } from '../query-timing.js';
import { openSqlite } from './sqlite.js';

const counterOf = prepared((db: Db, day: string) =>
  db.selectFrom('ticket_counters').select('last').where('day', '=', day),
);
const setCounter = prepared((db: Db, day: string, last: number) =>
  db.updateTable('ticket_counters').set({ last }).where('day', '=', day),
);
const addCounter = prepared((db: Db, day: string, last: number) =>
  db.insertInto('ticket_counters').values({ service_id: 'service', day, last }),
);

describe('the SQLite store', () => {
  const dirs: string[] = [];
  const opened: Db[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.destroy();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function opening(): Db {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-sqlite-'));
    dirs.push(dir);
    const db = openSqlite(path.join(dir, 'loket.db'));
    opened.push(db);
    return db;
  }

  async function migrated(): Promise<Db> {
    const db = opening();
    await migrateToLatest(db);
    // The counters' service is beside the point here.
    await sql`pragma foreign_keys = off`.execute(db);
    return db;
  }

  it('runs a prepared query at once when nothing holds the connection, and times it', async () => {
    const db = await migrated();
    const told: QueryKind[] = [];
    watchQueries(db, (kind) => told.push(kind));
    const added = addCounter(db, '2026-12-01', 4);
    // Told before the caller has even awaited: the statement has already run.
    expect(told).toEqual(['insert']);
    expect(Number((await added).numAffectedRows)).toBe(1);
    expect((await counterOf(db, '2026-12-01')).rows).toEqual([{ last: 4 }]);
    expect(told).toEqual(['insert', 'select']);
  });

  it('answers a prepared write with the same changes and row id as a built one', async () => {
    const db = await migrated();
    await addCounter(db, '2026-12-01', 1);
    const built = await db
      .insertInto('ticket_counters')
      .values({ service_id: 'service', day: '2026-12-02', last: 1 })
      .executeTakeFirst();
    const now = await addCounter(db, '2026-12-03', 1);
    expect(now.insertId).toBe(BigInt(built.insertId!) + 1n);
    expect((await setCounter(db, '2026-12-09', 2)).numAffectedRows).toBe(0n);
    expect((await setCounter(db, '2026-12-03', 2)).numAffectedRows).toBe(1n);
  });

  it('queues a prepared query asked for during a transaction until it ends, then shows what it committed', async () => {
    const db = await migrated();
    await addCounter(db, '2026-12-01', 1);
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    let finish!: () => void;
    const finishing = new Promise<void>((resolve) => (finish = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await setCounter(trx, '2026-12-01', 2);
      inside();
      await finishing;
      await setCounter(trx, '2026-12-01', 3);
    });
    await entered;
    let read: number | undefined;
    const reading = counterOf(db, '2026-12-01').then((result) => (read = result.rows[0]?.last));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Not the 2 the open transaction wrote: nothing is read before the transaction ends.
    expect(read).toBeUndefined();
    finish();
    await transaction;
    await reading;
    expect(read).toBe(3);
  });

  it('runs a prepared query after a built one asked for before it', async () => {
    const db = await migrated();
    await addCounter(db, '2026-12-01', 1);
    const write = db
      .updateTable('ticket_counters')
      .set({ last: 7 })
      .where('day', '=', '2026-12-01')
      .execute();
    const read = await counterOf(db, '2026-12-01');
    await write;
    expect(read.rows).toEqual([{ last: 7 }]);
  });

  it('writes ahead to a log it syncs at checkpoints, not at every commit', async () => {
    const db = opening();
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    expect(journal.rows[0]?.journal_mode).toBe('wal');
    // 1 is NORMAL; FULL (2) is SQLite's default.
    expect(sync.rows[0]?.synchronous).toBe(1);
  });
});
