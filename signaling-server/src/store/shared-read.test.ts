import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDemoDatabase, type TestDatabase } from '../../test/test-database.js';
import { runningRead, sharedRead } from './shared-read.js';

let store: TestDatabase;
let other: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
  other = await openDemoDatabase();
});
afterEach(async () => {
  await store.dispose();
  await other.dispose();
});

/** Reads the demo office's name, counting the reads that actually ran. */
function officeNames(db: TestDatabase['db']) {
  let reads = 0;
  const read = async () => {
    reads += 1;
    return (await db.selectFrom('offices').select('name_en').executeTakeFirstOrThrow()).name_en;
  };
  return { read, reads: () => reads };
}

describe('shared reads', () => {
  test('everyone asking while a read runs is answered by that one read', async () => {
    const names = officeNames(store.db);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => sharedRead(store.db, 'office', names.read)),
    );
    expect(names.reads()).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  test('a read asked for after the last one finished reads again and sees what changed', async () => {
    const names = officeNames(store.db);
    const before = await sharedRead(store.db, 'office', names.read);
    await store.db.updateTable('offices').set({ name_en: 'New Office' }).execute();
    const after = await sharedRead(store.db, 'office', names.read);
    expect(names.reads()).toBe(2);
    expect(before).not.toBe('New Office');
    expect(after).toBe('New Office');
  });

  test('reads under other keys or of another database are not shared', async () => {
    const mine = officeNames(store.db);
    const theirs = officeNames(other.db);
    await Promise.all([
      sharedRead(store.db, 'office', mine.read),
      sharedRead(store.db, 'office again', mine.read),
      sharedRead(other.db, 'office', theirs.read),
    ]);
    expect(mine.reads()).toBe(2);
    expect(theirs.reads()).toBe(1);
  });

  test('a read that fails fails everyone who shared it, and the next ask reads again', async () => {
    const failing = () => Promise.reject(new Error('store gone'));
    const shared = [
      sharedRead(store.db, 'office', failing),
      sharedRead(store.db, 'office', failing),
    ];
    for (const answer of shared) await expect(answer).rejects.toThrow('store gone');
    const names = officeNames(store.db);
    await sharedRead(store.db, 'office', names.read);
    expect(names.reads()).toBe(1);
  });

  test('a read still running can be joined without starting one, and none runs once it is over', async () => {
    const names = officeNames(store.db);
    expect(runningRead(store.db, 'office')).toBeUndefined();
    const started = sharedRead(store.db, 'office', names.read);
    const joined = runningRead<string>(store.db, 'office');
    expect(joined).toBe(started);
    expect(runningRead(store.db, 'office again')).toBeUndefined();
    expect(runningRead(other.db, 'office')).toBeUndefined();
    expect(await joined).toBe(await started);
    expect(runningRead(store.db, 'office')).toBeUndefined();
    expect(names.reads()).toBe(1);
  });
});
