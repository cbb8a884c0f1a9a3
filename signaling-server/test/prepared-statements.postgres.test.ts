import { sql } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Db } from '../src/store/database.js';
import { prepared, preparedStatementName } from '../src/store/prepared.js';
import { openDemoDatabase, testDialect, type TestDatabase } from './test-database.js';

// Named statements are PostgreSQL's (SQLite keeps its statements in its dialect), so this file
// runs only in signaling-server-postgres.
let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(async () => {
  await store.dispose();
});

const servicesNamed = (db: Db, name: string) =>
  db.selectFrom('services').select('id').where('name_id', '=', name);

/** The statements the connection `db` runs on has prepared, by name. */
async function preparedOn(db: Db): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; statement: string }>`
    select name, statement from pg_prepared_statements`.execute(db);
  return new Map(rows.map((row) => [row.name, row.statement]));
}

test('a prepared query is parsed once on its connection and then run by its name', async () => {
  expect(testDialect).toBe('postgres');
  const find = prepared(servicesNamed);
  const text = servicesNamed(store.db, 'any').compile().sql;
  const services = await store.db.selectFrom('services').select(['id', 'name_id']).execute();
  const [first, second] = services;

  await store.db.transaction().execute(async (trx) => {
    expect((await find(trx, first!.name_id)).rows).toEqual([{ id: first!.id }]);
    expect((await find(trx, second!.name_id)).rows).toEqual([{ id: second!.id }]);
    const name = preparedStatementName(text);
    expect(name).toBeDefined();
    const statements = await preparedOn(trx);
    expect(statements.get(name!)).toBe(text);
    expect([...statements.values()].filter((statement) => statement === text)).toHaveLength(1);
  });
});

test('a query built each time is not kept prepared', async () => {
  expect(testDialect).toBe('postgres');
  await store.db.transaction().execute(async (trx) => {
    await trx.selectFrom('offices').select('id').where('id', '=', 'none').execute();
    const statements = [...(await preparedOn(trx)).values()];
    expect(statements.some((statement) => statement.includes('from "offices"'))).toBe(false);
  });
});
