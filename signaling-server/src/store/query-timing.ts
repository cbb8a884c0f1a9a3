import { performance, type RecordableHistogram } from 'node:perf_hooks';
import {
  Kysely,
  type CompiledQuery,
  type KyselyConfig,
  type LogEvent,
  type RootOperationNode,
} from 'kysely';
import type { Database } from './schema.js';

/** What a timed statement did; transaction control and schema changes are `other`. */
export type QueryKind = 'select' | 'insert' | 'update' | 'delete' | 'other';

/** Told how long each statement took on its connection, in seconds. */
export type QueryWatcher = (kind: QueryKind, seconds: number) => void;

const KINDS: Partial<Record<RootOperationNode['kind'], QueryKind>> = {
  SelectQueryNode: 'select',
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
};
const LEADING_VERB = /^\s*(select|insert|update|delete)\b/i;

/**
 * A statement's kind from its query tree, or, for SQL run as compiled text (prepared queries,
 * `sql` templates), from its first word.
 */
export function queryKind(query: CompiledQuery): QueryKind {
  return KINDS[query.query.kind] ?? sqlKind(query.sql);
}

/** A statement's kind from the first word of its SQL. */
export function sqlKind(text: string): QueryKind {
  const verb = LEADING_VERB.exec(text)?.[1]?.toLowerCase();
  return (verb as QueryKind | undefined) ?? 'other';
}

const watchersOf = new WeakMap<Kysely<Database>, Set<QueryWatcher>>();
const waitsOf = new WeakMap<Kysely<Database>, RecordableHistogram>();

/**
 * How long `db`'s statements have waited for one of its pool's connections, in microseconds;
 * none for a store without a pool (SQLite's one connection runs each statement at once).
 */
export function connectionWaits(db: Kysely<Database>): RecordableHistogram | undefined {
  return waitsOf.get(db);
}

/**
 * Opens the query layer with Kysely's own query log timing every statement on its connection,
 * which is the one place every statement passes: built queries, prepared ones and raw SQL alike,
 * inside transactions or not.
 */
export function openWatchable(
  config: Omit<KyselyConfig, 'log'>,
  /** Microseconds each statement waited for a pooled connection, for `connectionWaits`. */
  waits?: RecordableHistogram,
): Kysely<Database> {
  const watchers = new Set<QueryWatcher>();
  const log = (event: LogEvent) => {
    if (event.level !== 'query' || watchers.size === 0) return;
    const kind = queryKind(event.query);
    for (const watch of watchers) watch(kind, event.queryDurationMillis / 1000);
  };
  const db = new Kysely<Database>({ ...config, log });
  watchersOf.set(db, watchers);
  if (waits) waitsOf.set(db, waits);
  return db;
}

/**
 * Tells `db`'s watchers of a statement that ran on its connection without passing through
 * Kysely (SQLite's statements run at once); `run` is timed only when someone watches.
 */
export function timedOutsideKysely<T>(db: Kysely<Database>, text: string, run: () => T): T {
  const watchers = watchersOf.get(db);
  if (!watchers || watchers.size === 0) return run();
  const start = performance.now();
  const result = run();
  const seconds = (performance.now() - start) / 1000;
  const kind = sqlKind(text);
  for (const watch of watchers) watch(kind, seconds);
  return result;
}

/** Has `watch` told of every statement run on `db` until the returned function is called. */
export function watchQueries(db: Kysely<Database>, watch: QueryWatcher): () => void {
  const watchers = watchersOf.get(db);
  if (!watchers) throw new Error('only a database opened by openSqlite or openPostgres is timed');
  watchers.add(watch);
  return () => watchers.delete(watch);
}
