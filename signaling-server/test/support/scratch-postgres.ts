import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openPostgres, type Db } from '../../src/store/database.js';

/**
 * Runs `use` on a new, empty PostgreSQL database made with the role at `adminUrl` (given its
 * connection and its URL), and drops the database afterwards, whether `use` succeeded or not.
 */
export async function withScratchPostgres<T>(
  adminUrl: string,
  use: (db: Db, url: string) => Promise<T>,
): Promise<T> {
  const name = `loket_scratch_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(adminUrl, { maxConnections: 1 });
  try {
    await sql`create database ${sql.id(name)}`.execute(admin);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString());
    try {
      return await use(db, url.toString());
    } finally {
      await db.destroy();
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
    }
  } finally {
    await admin.destroy();
  }
}

/** Brings PostgreSQL's planner statistics up to date after a bulk load. */
export async function analyze(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}
