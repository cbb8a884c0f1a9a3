import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { SqliteDialect, type Dialect, type Driver, type Kysely, type QueryResult } from 'kysely';
import { openWatchable, timedOutsideKysely } from '../query-timing.js';
import type { Database } from '../schema.js';

/** Opens (creating if needed) the SQLite database at `file`; `:memory:` gives a private one. */
export function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers proceed during a write; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  // With the write-ahead log, NORMAL syncs it to disk at checkpoints instead of at every commit:
  // a commit still survives the server being killed (it is in the log the OS holds), and only a
  // power loss can undo the last ones, never leaving the file inconsistent. Syncing every commit
  // made each write cost four times as much CPU.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = reusingStatements(sqlite);
  const driver = { holders: 0 };
  const db = openWatchable({
    dialect: countingHolders(new SqliteDialect({ database: statements }), driver),
  });
  immediateRuns.set(db, (text, parameters) => {
    if (driver.holders > 0) return undefined;
    const statement = statements.prepare(text);
    return timedOutsideKysely(db, text, () => runStatement(statement, parameters));
  });
  return db;
}

/**
 * Runs a statement on the store's one connection at once, or answers undefined when a query
 * holds the connection or waits for it (a transaction among them) and the statement must queue.
 */
export type ImmediateRun = (
  text: string,
  parameters: readonly unknown[],
) => QueryResult<unknown> | undefined;

const immediateRuns = new WeakMap<Kysely<Database>, ImmediateRun>();

/**
 * How to run a statement on `db` at once, if `db` is a SQLite store itself (not a transaction,
 * not PostgreSQL). better-sqlite3 runs statements synchronously, so a statement nothing waits
 * for gains nothing from Kysely's queue of promises but its cost: more than SQLite takes to
 * answer most of our queries.
 */
export function immediateRun(db: Kysely<Database>): ImmediateRun | undefined {
  return immediateRuns.get(db);
}

/** What Kysely's SQLite connection answers for a statement, run the same way. */
function runStatement(
  statement: SqliteDatabase.Statement,
  parameters: readonly unknown[],
): QueryResult<unknown> {
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/**
 * `dialect` with its driver counting, in `count.holders`, the queries that hold the one
 * connection or wait for it. Kysely asks for the connection in the same turn as a query is
 * run, so a count of zero means that a statement run now comes after every one asked for
 * before it, as the driver's own queue would have it.
 */
function countingHolders(dialect: Dialect, count: { holders: number }): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => countedDriver(dialect.createDriver(), count),
  };
}

function countedDriver(driver: Driver, count: { holders: number }): Driver {
  return {
    init: () => driver.init(),
    async acquireConnection() {
      count.holders += 1;
      try {
        return await driver.acquireConnection();
      } catch (err) {
        count.holders -= 1;
        throw err;
      }
    },
    releaseConnection(connection) {
      count.holders -= 1;
      return driver.releaseConnection(connection);
    },
    beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
    commitTransaction: (connection) => driver.commitTransaction(connection),
    rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
    savepoint: (connection, name, compile) => driver.savepoint!(connection, name, compile),
    rollbackToSavepoint: (connection, name, compile) =>
      driver.rollbackToSavepoint!(connection, name, compile),
    releaseSavepoint: (connection, name, compile) =>
      driver.releaseSavepoint!(connection, name, compile),
    destroy: () => driver.destroy(),
  };
}

/** Prepared statements kept; the queries the server runs are a few dozen distinct texts. */
const KEPT_STATEMENTS = 200;

/**
 * Kysely prepares every query anew, which costs more than running most of ours; a statement
 * prepared once is kept and run again (the oldest is dropped past the limit).
 */
function reusingStatements(sqlite: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= KEPT_STATEMENTS) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
