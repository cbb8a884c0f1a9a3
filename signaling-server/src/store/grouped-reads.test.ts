import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDemoDatabase, testDialect, type TestDatabase } from '../../test/test-database.js';
import type { Db } from './database.js';
import { groupedReads, paddedToPowerOfTwo } from './grouped-reads.js';

let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(() => store.dispose());

/**
 * Grouped reads of users' roles by username that note each group they were given; a group with
 * a `bad` name fails.
 */
function roleReads() {
  const groups: string[][] = [];
  const read = groupedReads(async (db: Db, names: readonly string[]) => {
    groups.push([...names]);
    if (names.some((name) => name.startsWith('bad'))) throw new Error('cannot read');
    const rows = await db
      .selectFrom('users')
      .select(['username', 'role'])
      .where('username', 'in', names)
      .execute();
    return names.map((name) => rows.find((row) => row.username === name)?.role ?? null);
  });
  return { groups, read };
}

test(`the first read goes at once and the ones asked for meanwhile are read together after it (${testDialect})`, async () => {
  const { groups, read } = roleReads();
  const answers = await Promise.all(
    ['admin', 'petugas1', 'nobody', 'petugas1'].map((name) => read(store.db, name)),
  );
  expect(answers).toEqual(['admin', 'agent', null, 'agent']);
  expect(groups).toEqual([['admin'], ['petugas1', 'nobody', 'petugas1']]);
  // Once nothing is under way, a read goes at once again.
  expect(await read(store.db, 'admin')).toBe('admin');
  expect(groups).toHaveLength(3);
});

test(`a failed read fails the callers of its group only (${testDialect})`, async () => {
  const { groups, read } = roleReads();
  const first = read(store.db, 'admin');
  const failed = [read(store.db, 'bad'), read(store.db, 'petugas1')];
  await expect(first).resolves.toBe('admin');
  for (const answer of failed) await expect(answer).rejects.toThrow('cannot read');
  expect(await read(store.db, 'petugas1')).toBe('agent');
  expect(groups).toEqual([['admin'], ['bad', 'petugas1'], ['petugas1']]);
});

test(`no more than 256 keys are read together (${testDialect})`, async () => {
  const { groups, read } = roleReads();
  const names = Array.from({ length: 600 }, (_, i) => (i % 2 ? 'admin' : `user-${i}`));
  const answers = await Promise.all(names.map((name) => read(store.db, name)));
  expect(answers).toEqual(names.map((name) => (name === 'admin' ? 'admin' : null)));
  expect(groups.map((group) => group.length)).toEqual([1, 256, 256, 87]);
});

test('keys are padded with the last to the next power of two', () => {
  expect(paddedToPowerOfTwo(['a'])).toEqual(['a']);
  expect(paddedToPowerOfTwo(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'c']);
  expect(paddedToPowerOfTwo(Array(256).fill('k'))).toHaveLength(256);
  expect(paddedToPowerOfTwo(Array(129).fill('k'))).toHaveLength(256);
});
