import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDemoDatabase, testDialect, type TestDatabase } from '../../test/test-database.js';
import type { Db } from './database.js';
import { groupedReads, paddedToPowerOfTwo } from './grouped-reads.js';
import type { Pacing } from './pacing.js';

let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(() => store.dispose());

/**
 * Grouped reads of users' roles by username that note each group they were given; a group with
 * a `bad` name fails. Each group waits for `gate` before it reads, so a test can hold one open.
 */
function roleReads(gate: Promise<void> = Promise.resolve(), pacing: Pacing = {}) {
  const groups: string[][] = [];
  const read = groupedReads(async (db: Db, names: readonly string[]) => {
    groups.push([...names]);
    await gate;
    if (names.some((name) => name.startsWith('bad'))) throw new Error('cannot read');
    const rows = await db
      .selectFrom('users')
      .select(['username', 'role'])
      .where('username', 'in', names)
      .execute();
    return names.map((name) => rows.find((row) => row.username === name)?.role ?? null);
  }, pacing);
  return { groups, read };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A gate to hold reads at, and the way to open it. */
function heldGate() {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
}

test(`reads asked for in one turn are read together, each caller answered its own (${testDialect})`, async () => {
  const { groups, read } = roleReads();
  const answers = await Promise.all(
    ['admin', 'petugas1', 'nobody', 'petugas1'].map((name) => read(store.db, name)),
  );
  expect(answers).toEqual(['admin', 'agent', null, 'agent']);
  expect(groups).toEqual([['admin', 'petugas1', 'nobody', 'petugas1']]);
  expect(await read(store.db, 'admin')).toBe('admin');
  expect(groups).toHaveLength(2);
});

test(`reads asked for while one is under way are read together once it answers (${testDialect})`, async () => {
  const { gate, open } = heldGate();
  const { groups, read } = roleReads(gate);
  const first = read(store.db, 'admin');
  await nextTurn();
  const later = [read(store.db, 'petugas1'), read(store.db, 'nobody')];
  await nextTurn();
  expect(groups).toEqual([['admin']]);
  open();
  expect(await Promise.all([first, ...later])).toEqual(['admin', 'agent', null]);
  expect(groups).toEqual([['admin'], ['petugas1', 'nobody']]);
});

test(`with a spacing, a read in a quiet spell goes at once, and the reads asked for within the spacing after it go together in the next statement (${testDialect})`, async () => {
  // Were the first read to wait out its spacing, the test would time out long before.
  const { groups, read } = roleReads(Promise.resolve(), { spacingMs: 300 });
  expect(await read(store.db, 'admin')).toBe('admin');
  const second = read(store.db, 'petugas1');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const third = read(store.db, 'nobody');
  expect(await Promise.all([second, third])).toEqual(['agent', null]);
  expect(groups).toEqual([['admin'], ['petugas1', 'nobody']]);
});

test(`a failed read fails the callers of its group only (${testDialect})`, async () => {
  const { gate, open } = heldGate();
  const { groups, read } = roleReads(gate);
  const first = read(store.db, 'admin');
  await nextTurn();
  const failed = [read(store.db, 'bad'), read(store.db, 'petugas1')];
  open();
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
  expect(groups.map((group) => group.length)).toEqual([256, 256, 88]);
});

test('keys are padded with the last to the next power of two', () => {
  expect(paddedToPowerOfTwo(['a'])).toEqual(['a']);
  expect(paddedToPowerOfTwo(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'c']);
  expect(paddedToPowerOfTwo(Array(256).fill('k'))).toHaveLength(256);
  expect(paddedToPowerOfTwo(Array(129).fill('k'))).toHaveLength(256);
});
