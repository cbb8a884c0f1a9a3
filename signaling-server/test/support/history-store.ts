import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { migrateToLatest, openPostgres, openSqlite, type Db } from '../../src/store/database.js';
import type { TestDialect } from '../test-database.js';
import { dropTestDatabase, throughKysely } from './scratch-postgres.js';

/** A database the test seeds, which a server child process may then use. */
export interface ChildStore {
  db: Db;
  dir: string;
  /** Settings for the server process: where its store is. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * An empty store, not migrated. SQLite: a file in a temp folder, read by the test while a server
 * writes (WAL). PostgreSQL: a database made through the admin URL the `signaling-server-postgres`
 * project provides, named with its prefix so its teardown drops it.
 */
export async function openEmptyStore(dialect: TestDialect): Promise<ChildStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-history-'));
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'loket.db');
    const db = openSqlite(file);
    return {
      db,
      dir,
      env: { DATA_DIR: dir, SQLITE_PATH: file },
      async dispose() {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const unreachable = inject('postgresUnreachable');
  if (unreachable) throw new Error(unreachable);
  const admin = openPostgres(inject('postgresAdminUrl'), { maxConnections: 1 });
  const name = `${inject('postgresPrefix')}history_${randomBytes(6).toString('hex')}`;
  await sql`
    create database ${sql.id(name)}
    template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`.execute(admin);
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { maxConnections: 3 });
  return {
    db,
    dir,
    env: { DATA_DIR: dir, DATABASE_URL: url.toString() },
    async dispose() {
      await db.destroy();
      await dropTestDatabase(throughKysely(admin), name);
      await admin.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An empty migrated store for a server child process. */
export async function openChildStore(dialect: TestDialect): Promise<ChildStore> {
  const store = await openEmptyStore(dialect);
  await migrateToLatest(store.db);
  if (dialect === 'postgres') {
    // Test-only: number audit rows as they are written. Every audited change first updates the
    // ticket or agent row it concerns, whose lock is held to the commit, so along one ticket or
    // agent this number follows commit order (timestamps do not: a dispatch stamps its offers
    // before it waits for row locks).
    await sql`alter table audit_log add column seq bigserial`.execute(store.db);
  }
  return store;
}
