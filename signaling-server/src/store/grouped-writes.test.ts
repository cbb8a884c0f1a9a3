import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  demoOfficeId,
  openDemoDatabase,
  testDialect,
  type TestDatabase,
} from '../../test/test-database.js';
import type { Db } from './database.js';
import { groupedWrites, powerOfTwoRuns } from './grouped-writes.js';
import type { Pacing } from './pacing.js';

let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(() => store.dispose());

/**
 * Grouped timer writes that note each group they were given and answer each item's timer id as
 * the store gives it back; `bad` items fail their group.
 */
function timerWrites(pacing: Pacing = {}) {
  const groups: string[][] = [];
  const write = groupedWrites(async (trx: Db, refs: readonly string[]) => {
    groups.push([...refs]);
    const officeId = await demoOfficeId(trx);
    const ids: string[] = [];
    for (const ref of refs) {
      if (ref.startsWith('bad')) throw new Error(`cannot write ${ref}`);
      const row = await trx
        .insertInto('timers')
        .values({
          id: `t-${ref}`,
          office_id: officeId,
          kind: 'kiosk_grace',
          ref_id: ref,
          due_at: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids;
  }, pacing);
  return { write, groups };
}

const written = async (db: Db) =>
  (await db.selectFrom('timers').select('ref_id').where('id', 'like', 't-%').execute())
    .map((row) => row.ref_id)
    .sort();

describe(`grouped writes (${testDialect})`, () => {
  test('writes asked for in one turn are committed together, each caller after the commit and answered for its own item', async () => {
    const { write, groups } = timerWrites();
    const refs = ['a', 'b', 'c', 'd', 'e'];
    await Promise.all(
      refs.map(async (ref) => {
        expect(await write(store.db, ref)).toBe(`t-${ref}`);
        // Seen through another connection: the caller is answered once its item is committed.
        const other = store.connect();
        try {
          expect(await written(other)).toContain(ref);
        } finally {
          await other.destroy();
        }
      }),
    );
    expect(groups).toEqual([refs]);
  });

  test('writes asked for after a group was committed start the next group', async () => {
    const { write, groups } = timerWrites();
    await write(store.db, 'a');
    await write(store.db, 'b');
    expect(groups).toEqual([['a'], ['b']]);
    expect(await written(store.db)).toEqual(['a', 'b']);
  });

  test('an item that cannot be written fails only its own caller; the rest are written alone', async () => {
    const { write, groups } = timerWrites();
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((ref) => write(store.db, ref)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : null))).toEqual([
      't-a',
      null,
      't-c',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
      message: 'cannot write bad',
    });
    // Written alone, the items run side by side: on PostgreSQL in any order.
    expect(groups[0]).toEqual(['a', 'bad', 'c']);
    expect(groups.slice(1).sort()).toEqual([['a'], ['bad'], ['c']]);
    expect(await written(store.db)).toEqual(['a', 'c']);
  });

  test('a lone item that cannot be written fails its caller without being tried again', async () => {
    const { write, groups } = timerWrites();
    await expect(write(store.db, 'bad')).rejects.toThrow('cannot write bad');
    expect(groups).toEqual([['bad']]);
  });

  test('a turn asking for more than one transaction takes goes into several groups', async () => {
    const { write, groups } = timerWrites();
    const refs = Array.from({ length: 300 }, (_, i) => `r${String(i).padStart(3, '0')}`);
    expect(await Promise.all(refs.map((ref) => write(store.db, ref)))).toEqual(
      refs.map((ref) => `t-${ref}`),
    );
    // The groups' transactions run side by side: on PostgreSQL either may start first.
    expect(groups.map((group) => group.length).sort((a, b) => b - a)).toEqual([256, 44]);
    expect(await written(store.db)).toEqual(refs);
  });

  test('with a spacing, a write in a quiet spell is written at once, and the writes asked for within the spacing after it go together in the next group', async () => {
    // Were the first write to wait out its spacing, the test would time out long before.
    const { write, groups } = timerWrites({ spacingMs: 300 });
    await write(store.db, 'a');
    const second = write(store.db, 'b');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = write(store.db, 'c');
    await Promise.all([second, third]);
    expect(groups).toEqual([['a'], ['b', 'c']]);
    expect(await written(store.db)).toEqual(['a', 'b', 'c']);
  });

  test('a full group is written at once, without waiting out its spacing', async () => {
    // Were it to wait, the test would time out long before the spacing is over.
    const { write, groups } = timerWrites({ spacingMs: 10 * 60_000 });
    await write(store.db, 'first');
    const refs = Array.from({ length: 256 }, (_, i) => `r${String(i).padStart(3, '0')}`);
    await Promise.all(refs.map((ref) => write(store.db, ref)));
    expect(groups).toEqual([['first'], refs]);
    expect(await written(store.db)).toEqual(['first', ...refs].sort());
  });
});

describe('runs of powers of two', () => {
  test('split any number of items, in order, into runs of falling powers of two', () => {
    const items = Array.from({ length: 300 }, (_, i) => i);
    for (const count of [0, 1, 2, 3, 7, 8, 100, 256, 300]) {
      const runs = powerOfTwoRuns(items.slice(0, count));
      expect(runs.flat()).toEqual(items.slice(0, count));
      const sizes = runs.map((run) => run.length);
      for (const size of sizes) expect(Math.log2(size) % 1).toBe(0);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      expect(new Set(sizes).size).toBe(sizes.length);
    }
  });
});
