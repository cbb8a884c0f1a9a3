import {
  PostgresDialect,
  type Kysely,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import { preparedStatementName } from '../prepared.js';
import { createHistogram, performance, type RecordableHistogram } from 'node:perf_hooks';
import { openWatchable } from '../query-timing.js';
import type pg from 'pg';
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

/** Type parsers of `driver`, with int8 read as numbers. */
function typesOf(driver: typeof pg): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === driver.types.builtins.INT8 && format !== 'binary'
        ? int8ToNumber
        : driver.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/**
 * Opens a pool on the PostgreSQL database at `url` (`postgres://user:password@host:port/db`).
 * The driver is loaded with the first connection: a server on SQLite never holds it in memory.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const waits = createHistogram();
  const pool = async () => {
    const { default: driver } = await import('pg');
    const opened = new driver.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      types: typesOf(driver),
    });
    // Without a listener a broken idle connection would crash the process.
    opened.on('error', (error) => options.onIdleError?.(error));
    return preparingStatements(opened, waits);
  };
  return openWatchable({ dialect: new PostgresDialect({ pool }) }, waits);
}

/**
 * The pool as Kysely sees it, its clients running each prepared query (`store/prepared.ts`) as a
 * named statement: PostgreSQL parses and plans it once per connection rather than at every run,
 * which after a restart, with a whole office reconnecting at once, is most of a query's cost.
 * How long each wait for a connection took goes into `waits`: a store falling behind shows there
 * first, as transactions hold their connections longer and the rest queue for them.
 */
function preparingStatements(pool: pg.Pool, waits: RecordableHistogram): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const preparing = (client: pg.PoolClient): PostgresPoolClient => {
    function query<R>(sql: string, values: readonly unknown[]): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query(sql: string | PostgresCursor<unknown>, values?: readonly unknown[]): unknown {
      if (typeof sql !== 'string') return client.query(sql as never);
      const name = preparedStatementName(sql);
      return client.query({ name, text: sql, values: values as unknown[] });
    }
    return {
      query,
      release: (destroy?: boolean) => client.release(destroy),
    };
  };
  return {
    connect: async () => {
      const asked = performance.now();
      const client = await pool.connect();
      waits.record(Math.max(1, Math.round((performance.now() - asked) * 1000)));
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = preparing(client);
        // Kysely keeps one connection object per client it is handed: the same client, the same
        // wrapper.
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}

/** The URL without its password, fit for logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
