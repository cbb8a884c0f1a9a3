import { PostgresDialect, type Kysely } from 'kysely';
import { openWatchable } from '../query-timing.js';
import pg from 'pg';
import type { Database } from '../schema.js';

/** Connection pool settings of the PostgreSQL store. */
export interface PostgresOptions {
  /** Most connections held at once. */
  maxConnections?: number;
  /** Told when an idle pooled connection breaks (e.g. the server restarted); the pool recovers. */
  onIdleError?: (error: Error) => void;
}

/**
 * `bigint` (int8) columns hold epoch milliseconds, and `count(*)` is int8 too: read them as
 * numbers, as SQLite gives them, instead of node-postgres's default strings.
 */
function int8ToNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 ${text} is not a safe integer`);
  return value;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? int8ToNumber
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Opens a pool on the PostgreSQL database at `url` (`postgres://user:password@host:port/db`). */
export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types,
  });
  // Without a listener a broken idle connection would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  return openWatchable({ dialect: new PostgresDialect({ pool }) });
}

/** The URL without its password, fit for logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
