import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openPostgres, type Db } from '../../src/store/database.js';

/** A new, empty PostgreSQL database: its URL, a connection to it, and how to drop it. */
export interface ScratchPostgres {
  url: string;
  db: Db;
  /** Closes the connection and drops the database (with any other session still on it). */
  drop(): Promise<void>;
}

/** Makes a new, empty PostgreSQL database with the role at `adminUrl`. */
export async function scratchPostgres(adminUrl: string): Promise<ScratchPostgres> {
  const name = `loket_scratch_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(adminUrl, { maxConnections: 1 });
  try {
    await sql`create database ${sql.id(name)}`.execute(admin);
  } catch (error) {
    await admin.destroy();
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  return {
    url: url.toString(),
    db,
    async drop() {
      try {
        await db.destroy();
        await dropTestDatabase(throughKysely(admin), name);
      } finally {
        await admin.destroy();
      }
    },
  };
}

/**
 * Runs `use` on a new, empty PostgreSQL database made with the role at `adminUrl` (given its
 * connection and its URL), and drops the database afterwards, whether `use` succeeded or not.
 */
export async function withScratchPostgres<T>(
  adminUrl: string,
  use: (db: Db, url: string) => Promise<T>,
): Promise<T> {
  const scratch = await scratchPostgres(adminUrl);
  try {
    return await use(scratch.db, scratch.url);
  } finally {
    await scratch.drop();
  }
}

/** Brings PostgreSQL's planner statistics up to date after a bulk load. */
export async function analyze(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drops a test database with whatever sessions are still on it. `with (force)` ends them, but
 * fails for a role that may not signal one of them, which an autovacuum worker in the database
 * is; a plain drop then cancels the worker itself and waits for it, and is tried a few times
 * while the sessions of a server that was just stopped go away. `run` runs one SQL statement.
 */
export async function dropTestDatabase(
  run: (statement: string) => Promise<unknown>,
  name: string,
): Promise<void> {
  const quoted = `"${name.replaceAll('"', '""')}"`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await run(`drop database if exists ${quoted} with (force)`);
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== '42501') throw error;
    }
    try {
      await run(`drop database if exists ${quoted}`);
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      await sleep(200);
    }
  }
}

/** `dropTestDatabase`'s statements run through a Kysely connection. */
export const throughKysely = (db: Db) => (statement: string) => sql.raw(statement).execute(db);
