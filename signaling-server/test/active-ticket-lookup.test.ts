import { sql } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { kiosksById, kioskStandingOf } from '../src/store/repositories/kiosks.js';
import {
  activeTicketOf,
  ticketsWithLineOf,
  waitingAheadQuery,
} from '../src/store/repositories/tickets.js';
import { openDemoDatabase, testDialect, type TestDatabase } from './test-database.js';

let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(() => store.dispose());

/** A compiled query with its parameters written in, for EXPLAIN. */
function inlined({ sql: text, parameters }: { sql: string; parameters: readonly unknown[] }) {
  let next = 0;
  return text.replace(/\?|\$(\d+)/g, (_, n?: string) => {
    const value = parameters[n ? Number(n) - 1 : next++];
    return typeof value === 'number' ? String(value) : `'${String(value)}'`;
  });
}

/** The plan the store makes for a query, as text. */
async function planOf(compiled: { sql: string; parameters: readonly unknown[] }) {
  if (testDialect === 'sqlite') {
    const rows = await sql.raw(`explain query plan ${inlined(compiled)}`).execute(store.db);
    return JSON.stringify(rows.rows);
  }
  // A demo database is small enough for a sequential scan to win; what is checked is that the
  // index can serve the lookup at all, as it must once a kiosk has a history.
  return store.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const rows = await sql.raw(`explain ${inlined(compiled)}`).execute(trx);
    return JSON.stringify(rows.rows);
  });
}

test(`a kiosk's active ticket is found through the index of tickets still in play (${testDialect})`, async () => {
  const plan = await planOf(activeTicketOf(store.db, 'k').compile());
  expect(plan).toContain('tickets_kiosk_active');
});

test(`a kiosk's bootstrap looks for its active ticket through the same index (${testDialect})`, async () => {
  const plan = await planOf(kioskStandingOf(store.db, 'k').compile());
  expect(plan).toContain('tickets_kiosk_active');
});

test(`the bootstraps of waiting kiosks asking together find each kiosk's ticket through the same index (${testDialect})`, async () => {
  const plan = await planOf(ticketsWithLineOf(store.db, ['k', 'l', 'm', 'n']).compile());
  expect(plan).toContain('tickets_kiosk_active');
  expect(plan).not.toContain('tickets_offer_due');
});

test(`the tickets ahead of a waiting one are counted through the waiting-order index (${testDialect})`, async () => {
  for (const priority of ['normal', 'priority', 'transfer'] as const) {
    const spot = { id: 't', office_id: 'o', priority, queued_at: 1_000_000 };
    const plan = await planOf(waitingAheadQuery(store.db, spot, 300_000).compile());
    expect(plan).toContain('tickets_waiting_order');
  }
});

test(`a kiosk's handshake reads the credentials of the kiosks it names by their primary key (${testDialect})`, async () => {
  const plan = await planOf(kiosksById(store.db, ['k', 'l']).compile());
  expect(plan).toMatch(testDialect === 'sqlite' ? /sqlite_autoindex_kiosks_1/ : /kiosks_pkey/);
});

test(`a kiosk's credentials are written to no index (${testDialect})`, async () => {
  const indexes =
    testDialect === 'sqlite'
      ? await sql<{ name: string }>`select il.name from pragma_index_list('kiosks') as il
          join pragma_index_info(il.name) as ii
          where ii.name in ('token_hash', 'pending_token_hash')`.execute(store.db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes
          where tablename = 'kiosks' and indexdef like '%token_hash%'`.execute(store.db);
  expect(indexes.rows.map((row) => row.name)).toEqual([]);
});
