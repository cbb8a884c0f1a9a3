import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { addTimers } from '../src/store/repositories/timers.js';
import { demoOfficeId, openDemoDatabase, type TestDatabase } from './test-database.js';

let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(async () => {
  await store.dispose();
});

test('graces for more subjects than one statement writes are all set, and one already running is kept', async () => {
  const officeId = await demoOfficeId(store.db);
  const grace = (refId: string, dueAt: number) => ({
    id: randomUUID(),
    office_id: officeId,
    kind: 'kiosk_grace' as const,
    ref_id: refId,
    due_at: dueAt,
  });
  await addTimers(store.db, [grace('kiosk-7', 1_000)]);

  const subjects = Array.from({ length: 1_201 }, (_, i) => `kiosk-${i}`);
  await addTimers(
    store.db,
    subjects.map((subject) => grace(subject, 9_000)),
  );

  const timers = await store.db.selectFrom('timers').select(['ref_id', 'due_at']).execute();
  expect(timers).toHaveLength(1_201);
  expect(new Set(timers.map((timer) => timer.ref_id))).toEqual(new Set(subjects));
  const dueAt = new Map(timers.map((timer) => [timer.ref_id, timer.due_at]));
  expect(dueAt.get('kiosk-7')).toBe(1_000);
  expect(dueAt.get('kiosk-1200')).toBe(9_000);
});

test('no graces to set writes nothing', async () => {
  await addTimers(store.db, []);
  expect(await store.db.selectFrom('timers').select('id').execute()).toEqual([]);
});
