import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDemoDatabase, type TestDatabase } from '../../test/test-database.js';
import type { Db } from './database.js';
import { prepared } from './prepared.js';

let store: TestDatabase;
// Two services of the demo office, as the counters' service ids must be.
let a: string;
let b: string;
beforeEach(async () => {
  store = await openDemoDatabase();
  const services = await store.db.selectFrom('services').select('id').orderBy('id').execute();
  [a, b] = services.map((service) => service.id) as [string, string];
  await store.db
    .insertInto('ticket_counters')
    .values([
      { service_id: a, day: '2026-11-27', last: 3 },
      { service_id: b, day: '2026-11-27', last: 12 },
      { service_id: a, day: '2026-11-28', last: 20 },
    ])
    .execute();
});
afterEach(async () => {
  await store.dispose();
});

const counters = (rows: { service_id: string; day: string }[]) =>
  rows.map((row) => `${row.service_id === a ? 'a' : 'b'} ${row.day}`).sort();

describe('prepared queries', () => {
  test('each call runs with its own values', async () => {
    const find = prepared((db: Db, serviceId: string, day: string) =>
      db
        .selectFrom('ticket_counters')
        .selectAll()
        .where('service_id', '=', serviceId)
        .where('day', '=', day),
    );

    expect((await find(store.db, a, '2026-11-27')).rows).toEqual([
      { service_id: a, day: '2026-11-27', last: 3 },
    ]);
    expect((await find(store.db, a, '2026-11-28')).rows).toEqual([
      { service_id: a, day: '2026-11-28', last: 20 },
    ]);
  });

  test('a boolean, null or missing value may choose the query', async () => {
    const find = prepared((db: Db, day: string, busy: boolean) => {
      const query = db.selectFrom('ticket_counters').selectAll().where('day', '=', day);
      return busy ? query.where('last', '>', 10) : query;
    });

    expect(counters((await find(store.db, '2026-11-27', true)).rows)).toEqual(['b 2026-11-27']);
    expect(counters((await find(store.db, '2026-11-27', false)).rows)).toEqual([
      'a 2026-11-27',
      'b 2026-11-27',
    ]);
  });

  test('lists of any length and the fields of a change are bound', async () => {
    const find = prepared((db: Db, serviceIds: string[]) =>
      db.selectFrom('ticket_counters').selectAll().where('service_id', 'in', serviceIds),
    );
    const change = prepared((db: Db, serviceId: string, set: { last: number }) =>
      db.updateTable('ticket_counters').set(set).where('service_id', '=', serviceId),
    );

    expect((await find(store.db, [b])).rows).toHaveLength(1);
    expect((await find(store.db, [a, b])).rows).toHaveLength(3);
    expect((await change(store.db, a, { last: 7 })).numAffectedRows).toBe(2n);
    expect((await change(store.db, b, { last: 8 })).numAffectedRows).toBe(1n);
    const lasts = await store.db.selectFrom('ticket_counters').select('last').execute();
    expect(lasts.map((row) => row.last).sort()).toEqual([7, 7, 8]);
  });

  test.each([
    {
      what: 'changes a value before binding it',
      build: (db: Db, day: string) =>
        db.selectFrom('ticket_counters').selectAll().where('day', 'like', `${day}%`),
    },
    {
      what: 'writes a value into its SQL',
      build: (db: Db, day: string) =>
        db.selectFrom('ticket_counters').selectAll().where('day', '=', sql.lit(day)),
    },
  ])('a builder that $what is refused', async ({ build }) => {
    await expect(prepared(build)(store.db, '2026-11-27')).rejects.toThrow(/prepared query/);
  });

  test('a value that is not a string, number, boolean or null is refused', async () => {
    const find = prepared((db: Db, day: Date) =>
      db.selectFrom('ticket_counters').selectAll().where('day', '=', day.toISOString()),
    );

    await expect(find(store.db, new Date())).rejects.toThrow(/cannot take object values/);
  });
});
