import type { Db } from './database.js';
import { startPaced, type Pacing } from './pacing.js';

/**
 * Reads one group of keys in one statement; what it answers for each key is that key's caller's,
 * in the order of the keys.
 */
type ReadAll<K, R> = (db: Db, keys: readonly K[]) => Promise<readonly R[]>;

interface Waiter<K, R> {
  key: K;
  resolve(result: R): void;
  reject(error: unknown): void;
}

interface Reader<K, R> {
  busy: boolean;
  waiting: Waiter<K, R>[];
  /** When its last statement began (`performance.now()`). */
  lastStartMs: number;
}

/** The most keys one statement takes; more wait for the next. */
const MAX_GROUP = 256;

/**
 * Reads of one kind go to the store one statement at a time: the reads asked for in one turn of
 * the event loop are read together at its end, and the ones asked for while a statement runs
 * together at the end of the turn it answers in. After a restart every kiosk connects and bootstraps within a
 * second or two, and a statement per kiosk cost the server a round trip to PostgreSQL per kiosk,
 * more than the reads themselves. With `spacingMs`, a statement starts no sooner than that after
 * the one before began (see `Pacing`). A failed read fails the callers of its group only.
 */
export function groupedReads<K, R>(
  readAll: ReadAll<K, R>,
  { spacingMs = 0 }: Pacing = {},
): (db: Db, key: K) => Promise<R> {
  const readers = new WeakMap<Db, Reader<K, R>>();

  /** Reads what waits when its turn comes, up to a group's most. */
  function readNext(db: Db, reader: Reader<K, R>) {
    startPaced(reader.lastStartMs, spacingMs, () => {
      reader.lastStartMs = performance.now();
      void read(db, reader, reader.waiting.splice(0, MAX_GROUP));
    });
  }

  async function read(db: Db, reader: Reader<K, R>, group: readonly Waiter<K, R>[]) {
    try {
      const results = await readAll(
        db,
        group.map((waiter) => waiter.key),
      );
      group.forEach((waiter, i) => waiter.resolve(results[i]!));
    } catch (error) {
      for (const waiter of group) waiter.reject(error);
    }
    if (reader.waiting.length > 0) readNext(db, reader);
    else reader.busy = false;
  }

  return (db, key) =>
    new Promise<R>((resolve, reject) => {
      let reader = readers.get(db);
      if (!reader) {
        reader = { busy: false, waiting: [], lastStartMs: -Infinity };
        readers.set(db, reader);
      }
      reader.waiting.push({ key, resolve, reject });
      if (reader.busy) return;
      reader.busy = true;
      readNext(db, reader);
    });
}

/**
 * The keys padded with copies of the last to the next power of two: a statement written for a
 * group then takes one of a few shapes (nine, up to a group's 256 keys), each prepared once.
 */
export function paddedToPowerOfTwo<K>(keys: readonly K[]): K[] {
  const size = 2 ** Math.ceil(Math.log2(Math.max(keys.length, 1)));
  return [...keys, ...Array<K>(size - keys.length).fill(keys[keys.length - 1]!)];
}
