import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDemoDatabase, type TestDatabase } from '../../test/test-database.js';
import { activeTicketOf } from './repositories/tickets.js';
import { writtenLimit } from './written-limit.js';

let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(async () => {
  await store.dispose();
});

describe('a written limit', () => {
  test('is part of the statement, so binding the other values leaves it prepared', () => {
    const compiled = activeTicketOf(store.db, 'kiosk-1').compile();
    expect(compiled.sql).toMatch(/limit 1$/);
    expect(compiled.parameters).toEqual(['kiosk-1']);
  });

  test('limits the rows read like a bound one', async () => {
    const services = await store.db
      .selectFrom('services')
      .select('id')
      .orderBy('id')
      .limit(writtenLimit(2))
      .execute();
    const all = await store.db.selectFrom('services').select('id').orderBy('id').execute();
    expect(all.length).toBeGreaterThan(2);
    expect(services).toEqual(all.slice(0, 2));
  });

  test('is only ever a whole number of rows', () => {
    for (const rows of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => writtenLimit(rows)).toThrow(RangeError);
    }
  });
});
