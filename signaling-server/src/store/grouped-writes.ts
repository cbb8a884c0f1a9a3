import type { Db } from './database.js';

/** Writes one group of items inside the transaction it is given. */
type WriteAll<T> = (trx: Db, items: readonly T[]) => Promise<void>;

interface Group<T> {
  items: T[];
  settle: { resolve(): void; reject(error: unknown): void }[];
}

/** The most items one transaction takes; more start the next group. */
const MAX_GROUP = 256;

/**
 * Gathers the writes asked for in one turn of the event loop into one transaction. Every kiosk
 * that connects is handed its next credential, and after a restart hundreds connect at once: a
 * commit each cost SQLite a log write each and PostgreSQL a flush each, where one commit for the
 * group costs one. Each caller's promise settles once its item is committed. Should the group's
 * transaction fail, each item is written again alone, so one item that cannot be written (its row
 * gone meanwhile) fails only its own caller.
 */
export function groupedWrites<T>(writeAll: WriteAll<T>): (db: Db, item: T) => Promise<void> {
  const open = new WeakMap<Db, Group<T>>();

  const commit = (db: Db, items: readonly T[]) =>
    db.transaction().execute((trx) => writeAll(trx, items));

  async function flush(db: Db, group: Group<T>) {
    try {
      await commit(db, group.items);
      for (const waiter of group.settle) waiter.resolve();
    } catch (error) {
      if (group.items.length === 1) return group.settle[0]!.reject(error);
      await Promise.all(
        group.items.map((item, i) =>
          commit(db, [item]).then(group.settle[i]!.resolve, group.settle[i]!.reject),
        ),
      );
    }
  }

  return (db, item) =>
    new Promise<void>((resolve, reject) => {
      let group = open.get(db);
      if (!group || group.items.length >= MAX_GROUP) {
        const started: Group<T> = { items: [], settle: [] };
        open.set(db, started);
        setImmediate(() => {
          if (open.get(db) === started) open.delete(db);
          void flush(db, started);
        });
        group = started;
      }
      group.items.push(item);
      group.settle.push({ resolve, reject });
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
