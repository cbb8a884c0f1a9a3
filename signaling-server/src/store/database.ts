import { Migrator, PostgresAdapter, sql, type Kysely } from 'kysely';
import { openPostgres, redactUrl, type PostgresOptions } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export { openPostgres, openSqlite };

/** The query layer over the store, the same type for SQLite and PostgreSQL. */
export type Db = Kysely<Database>;

/** Where the store lives: PostgreSQL when `databaseUrl` is set, else the SQLite file. */
export interface StoreSettings {
  databaseUrl?: string | undefined;
  sqlitePath: string;
}

/** Opens the configured store; `db.destroy()` closes it (the pool, on PostgreSQL). */
export function openDatabase(settings: StoreSettings, options: PostgresOptions = {}): Db {
  return settings.databaseUrl
    ? openPostgres(settings.databaseUrl, options)
    : openSqlite(settings.sqlitePath);
}

/** The store for logs and messages: the PostgreSQL URL without its password, or the file. */
export function describeDatabase(settings: StoreSettings): string {
  return settings.databaseUrl ? redactUrl(settings.databaseUrl) : settings.sqlitePath;
}

/** Brings the schema up to date; fails loudly with the migration that broke. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

/** Whether this query layer talks to PostgreSQL (else SQLite). */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Asks the store the simplest question; rejects when it cannot answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
