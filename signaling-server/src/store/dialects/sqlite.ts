import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { SqliteDialect, type Kysely } from 'kysely';
import { openWatchable } from '../query-timing.js';
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
  return openWatchable({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
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
