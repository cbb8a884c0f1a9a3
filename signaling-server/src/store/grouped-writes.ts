import type { Db } from './database.js';
import { startPaced, type Pacing } from './pacing.js';

/**
 * Writes one group of items inside the transaction it is given; what it answers for each item
 * is that item's caller's, in the order of the items.
 */
type WriteAll<T, R> = (trx: Db, items: readonly T[]) => Promise<readonly R[]>;

interface Group<T, R> {
  items: T[];
  settle: { resolve(result: R): void; reject(error: unknown): void }[];
  closed: boolean;
}

/** The most items one transaction takes; more start the next group. */
const MAX_GROUP = 256;

/**
 * Gathers the writes asked for in one turn of the event loop into one transaction; with
 * `spacingMs`, the writes asked for until that long after the last group was closed (see
 * `Pacing`). Every kiosk that connects is handed its next credential, and after a restart
 * hundreds connect at once: a commit each cost SQLite a log write each and PostgreSQL a flush and
 * a few round trips each, where one commit for the group costs one. A group that is full is
 * written at once. Each caller's promise settles, with what the write answered for its item, once
 * its item is committed. Should the group's transaction fail, each item is written again alone,
 * so one item that cannot be written (its row gone meanwhile) fails only its own caller.
 */
export function groupedWrites<T, R>(
  writeAll: WriteAll<T, R>,
  { spacingMs = 0 }: Pacing = {},
): (db: Db, item: T) => Promise<R> {
  const open = new WeakMap<Db, Group<T, R>>();
  /** When the last group of each store was closed (`performance.now()`). */
  const lastClosed = new WeakMap<Db, number>();

  const commit = (db: Db, items: readonly T[]) =>
    db.transaction().execute((trx) => writeAll(trx, items));

  async function flush(db: Db, group: Group<T, R>) {
    try {
      const results = await commit(db, group.items);
      group.settle.forEach((waiter, i) => waiter.resolve(results[i]!));
    } catch (error) {
      if (group.items.length === 1) return group.settle[0]!.reject(error);
      await Promise.all(
        group.items.map((item, i) =>
          commit(db, [item]).then(
            (results) => group.settle[i]!.resolve(results[0]!),
            group.settle[i]!.reject,
          ),
        ),
      );
    }
  }

  function close(db: Db, group: Group<T, R>) {
    if (group.closed) return;
    group.closed = true;
    lastClosed.set(db, performance.now());
    if (open.get(db) === group) open.delete(db);
    void flush(db, group);
  }

  return (db, item) =>
    new Promise<R>((resolve, reject) => {
      let group = open.get(db);
      if (!group) {
        const started: Group<T, R> = { items: [], settle: [], closed: false };
        open.set(db, started);
        startPaced(lastClosed.get(db) ?? -Infinity, spacingMs, () => close(db, started));
        group = started;
      }
      group.items.push(item);
      group.settle.push({ resolve, reject });
      if (group.items.length >= MAX_GROUP) close(db, group);
    });
}

/**
 * Splits items into runs whose lengths are powers of two, longest first. A statement written for
 * a run of items then takes one of a few shapes (nine, up to a group's 256 items), each prepared
 * once, where a statement for any number of items would fill the store's statement cache.
 */
export function powerOfTwoRuns<T>(items: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (let at = 0; at < items.length;) {
    const size = 2 ** Math.floor(Math.log2(items.length - at));
    runs.push(items.slice(at, at + size));
    at += size;
  }
  return runs;
}
