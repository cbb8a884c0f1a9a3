import type { Db } from './database.js';

const inFlight = new WeakMap<Db, Map<string, Promise<unknown>>>();

/**
 * Answers everyone who asks for the same read of `db` while it runs with that one read. After a
 * restart every kiosk of an office reconnects at once and asks for the same office-wide facts;
 * one query then answers them all instead of one query each. Only a read still running is
 * shared, never a finished one, so no answer is older than the query that was running when it
 * was asked for.
 */
export function sharedRead<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
  let reads = inFlight.get(db);
  if (!reads) {
    reads = new Map();
    inFlight.set(db, reads);
  }
  const running = reads.get(key);
  if (running) return running as Promise<T>;
  const settled = reads;
  const started = read().finally(() => settled.delete(key));
  reads.set(key, started);
  return started;
}

/** The read of `key` still running on `db`, if any, to join without starting one. */
export function runningRead<T>(db: Db, key: string): Promise<T> | undefined {
  return inFlight.get(db)?.get(key) as Promise<T> | undefined;
}
