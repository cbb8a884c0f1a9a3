import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CATALOGUE_COLUMNS } from '../src/store/migrations/0035-catalogue-version.js';
import { listServices, setHandleAverage } from '../src/store/repositories/offices.js';
import type { OfficeRow, ServiceRow } from '../src/store/schema.js';
import { officeCatalogue, officeView } from '../src/use-cases/office-catalogue.js';
import { serviceView } from '../src/read-models/views.js';
import { demoOfficeId, openDemoDatabase, testDialect, type TestDatabase } from './test-database.js';

let store: TestDatabase;
let officeId: string;
beforeEach(async () => {
  store = await openDemoDatabase();
  officeId = await demoOfficeId(store.db);
});
afterEach(() => store.dispose());

describe(`an office's catalogue kept in memory (${testDialect})`, () => {
  test('is read once and handed out again while nothing of it changes', async () => {
    const first = await officeCatalogue(store.db, officeId);
    expect(first?.services.length).toBeGreaterThan(0);
    expect(await officeCatalogue(store.db, officeId)).toBe(first);
  });

  test('shows a change made through another connection at the next request', async () => {
    const before = await officeCatalogue(store.db, officeId);
    const [service] = await listServices(store.db, officeId);
    const other = store.connect();
    try {
      // As another instance, a script or an edit by hand would: nothing tells this connection.
      await other
        .updateTable('services')
        .set({ name_en: 'Renamed by hand' })
        .where('id', '=', service!.id)
        .execute();
      await other
        .updateTable('offices')
        .set({ brand_color: '#123456' })
        .where('id', '=', officeId)
        .execute();
      const after = await officeCatalogue(store.db, officeId);
      expect(after).not.toBe(before);
      expect(after?.services.find((s) => s.id === service!.id)?.name.en).toBe('Renamed by hand');
      expect(after?.office.brand.color).toBe('#123456');

      await other
        .updateTable('services')
        .set({ active: 0 })
        .where('id', '=', service!.id)
        .execute();
      const retired = await officeCatalogue(store.db, officeId);
      expect(retired?.services.map((s) => s.id)).not.toContain(service!.id);
    } finally {
      await other.destroy();
    }
  });

  test("is kept when only a service's average call length changes, as it does after every call", async () => {
    const before = await officeCatalogue(store.db, officeId);
    const [service] = await listServices(store.db, officeId);
    await setHandleAverage(store.db, service!.id, 123_456);
    expect(await officeCatalogue(store.db, officeId)).toBe(before);
  });

  test('is nothing for an office that does not exist', async () => {
    expect(await officeCatalogue(store.db, 'no-such-office')).toBeNull();
  });
});

/**
 * The columns of `row` that `view` reads: changing one changes what it shows, or breaks it (a
 * stored JSON text no longer parsing). `id` is left out: a row never changes it.
 */
function columnsRead<R extends object>(row: R, view: (row: R) => unknown): string[] {
  const shown = JSON.stringify(view(row));
  const changes = (value: unknown): unknown[] => {
    if (typeof value === 'string') return [`${value}x`, '["x"]'];
    if (typeof value === 'number') return [value + 1];
    return ['x', 1, '["x"]'];
  };
  return Object.entries(row)
    .filter(([column]) => column !== 'id')
    .filter(([column, value]) =>
      changes(value).some((changed) => {
        try {
          return JSON.stringify(view({ ...row, [column]: changed })) !== shown;
        } catch {
          return true;
        }
      }),
    )
    .map(([column]) => column);
}

test('every column the kiosk views read moves the catalogue version when it is written', async () => {
  const office = await store.db
    .selectFrom('offices')
    .selectAll()
    .where('id', '=', officeId)
    .executeTakeFirstOrThrow();
  const [service] = await listServices(store.db, officeId);
  expect(CATALOGUE_COLUMNS.offices).toEqual(
    expect.arrayContaining(columnsRead<OfficeRow>(office, officeView)),
  );
  // Which services are live, and in what order, is the catalogue too.
  expect(CATALOGUE_COLUMNS.services).toEqual(
    expect.arrayContaining([
      ...columnsRead<ServiceRow>(service!, serviceView),
      'office_id',
      'active',
      'sort_order',
    ]),
  );
});
