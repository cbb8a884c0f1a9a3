import { CompiledQuery, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDemoDatabase, type TestDatabase } from '../../test/test-database.js';
import { prepared } from './prepared.js';
import { queryKind, watchQueries, type QueryKind } from './query-timing.js';

describe('queryKind of SQL run as text', () => {
  test.each([
    { text: 'select 1', expected: 'select' },
    { text: '  SELECT * from tickets', expected: 'select' },
    { text: 'insert into audit_log values (?)', expected: 'insert' },
    { text: 'update agents set status = ?', expected: 'update' },
    { text: 'delete from timers where id = ?', expected: 'delete' },
    { text: 'begin', expected: 'other' },
    { text: 'with due as (select 1) select * from due', expected: 'other' },
    { text: 'selection', expected: 'other' },
  ])('reads “$text” as $expected', ({ text, expected }) => {
    expect(queryKind(CompiledQuery.raw(text))).toBe(expected);
  });
});

describe('watchQueries', () => {
  let store: TestDatabase;
  let seen: { kind: QueryKind; seconds: number }[];
  let unwatch: () => void;
  beforeEach(async () => {
    store = await openDemoDatabase();
    seen = [];
    unwatch = watchQueries(store.db, (kind, seconds) => seen.push({ kind, seconds }));
  });
  afterEach(async () => {
    unwatch();
    await store.dispose();
  });

  test('times built, prepared and raw statements, inside a transaction too, by kind', async () => {
    const { db } = store;
    const office = await db.selectFrom('offices').select('id').executeTakeFirstOrThrow();
    const findOffice = prepared((d: typeof db, id: string) =>
      d.selectFrom('offices').selectAll().where('id', '=', id),
    );
    await findOffice(db, office.id);
    await sql`select 1`.execute(db);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('offices')
        .set({ name_id: 'Kantor' })
        .where('id', '=', office.id)
        .execute();
      await trx.deleteFrom('timers').where('id', '=', 'none').execute();
    });
    const kinds = seen.map((entry) => entry.kind);
    expect(kinds.filter((kind) => kind === 'select')).toHaveLength(3);
    expect(kinds).toEqual(expect.arrayContaining(['update', 'delete']));
    expect(seen.every((entry) => entry.seconds >= 0 && entry.seconds < 5)).toBe(true);
  });

  test('tells nothing once unwatched, and refuses a database it did not open', async () => {
    unwatch();
    await sql`select 1`.execute(store.db);
    expect(seen).toEqual([]);
    expect(() => watchQueries(store.db.withoutPlugins(), () => {})).toThrow(/openSqlite/);
  });
});
