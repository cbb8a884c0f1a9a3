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
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
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
