import { sql } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { connectionWaits } from '../src/store/query-timing.js';
import { openDemoDatabase, testDialect, type TestDatabase } from './test-database.js';

// Only PostgreSQL's store has a pool to wait for, so this file runs only in
// signaling-server-postgres.
let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(async () => {
  await store.dispose();
});

/** The pool's default size (`openPostgres`). */
const POOL_SIZE = 10;

test('a statement that waits for one of the pool’s connections has its wait recorded', async () => {
  expect(testDialect).toBe('postgres');
  const db = store.connect();
  try {
    const waits = connectionWaits(db)!;
    expect(waits).toBeDefined();
    await sql`select 1`.execute(db);
    expect(waits.count).toBe(1);
    waits.reset();

    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding = 0;
    const held = Array.from({ length: POOL_SIZE }, () =>
      db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        holding += 1;
        await gate;
      }),
    );
    while (holding < POOL_SIZE) await new Promise((resolve) => setTimeout(resolve, 5));
    const asked = performance.now();
    const waiting = sql`select 1`.execute(db);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([...held, waiting]);
    const waitedUs = (performance.now() - asked) * 1000;

    // The pool's connections were each waited for once, and the last statement for the whole hold.
    expect(waits.count).toBe(POOL_SIZE + 1);
    expect(waits.max).toBeGreaterThanOrEqual(190_000);
    expect(waits.max).toBeLessThanOrEqual(waitedUs);
  } finally {
    await db.destroy();
  }
});
