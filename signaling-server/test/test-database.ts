import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { seedDemoData } from '../src/demo/demo-data.js';
import { randomIds } from '../src/ids.js';
import { migrateToLatest, openPostgres, openSqlite, type Db } from '../src/store/database.js';
import { dropTestDatabase, throughKysely } from './support/scratch-postgres.js';

/** The store the server tests run on; the `signaling-server-postgres` project sets postgres. */
export type TestDialect = 'sqlite' | 'postgres';

export const testDialect: TestDialect =
  process.env.LOKET_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a role that may create databases, from test/postgres-setup.ts. */
    postgresAdminUrl: string;
    /** Prefix of every database this run makes; the global teardown drops them. */
    postgresPrefix: string;
    /** Why PostgreSQL could not be reached, or empty: tests needing it then fail with this. */
    postgresUnreachable: string;
  }
}

/** A migrated database with the demo data, private to one test. */
export interface TestDatabase {
  db: Db;
  /** Folder holding demo-credentials.json; removed by dispose. */
  dir: string;
  /** Opens another, independent connection (a pool, on PostgreSQL) to the same database. */
  connect(): Db;
  /** Closes the connection and throws the copy away. */
  dispose(): Promise<void>;
}

/** A seeded database that tests copy: migrations and scrypt-hashed demo passwords run once. */
interface Template {
  dir: string;
  copy(dir: string): Promise<{ connect(): Db; drop(): Promise<void> }>;
}

let template: Promise<Template> | undefined;
let admin: Db | undefined;

async function seed(db: Db, dir: string): Promise<void> {
  await migrateToLatest(db);
  await seedDemoData(db, {
    clock: Date.now,
    ids: randomIds,
    credentialsFile: path.join(dir, 'demo-credentials.json'),
  });
  await db.destroy();
}

async function sqliteTemplate(dir: string): Promise<Template> {
  await seed(openSqlite(path.join(dir, 'loket.db')), dir);
  return {
    dir,
    async copy(target) {
      fs.copyFileSync(path.join(dir, 'loket.db'), path.join(target, 'loket.db'));
      return { connect: () => openSqlite(path.join(target, 'loket.db')), drop: async () => {} };
    },
  };
}

function postgresUrl(database: string): string {
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

/** A database name unique to this run, worker and call. */
function postgresName(kind: string): string {
  return `${inject('postgresPrefix')}${kind}_${randomBytes(6).toString('hex')}`;
}

async function postgresTemplate(dir: string): Promise<Template> {
  const unreachable = inject('postgresUnreachable');
  if (unreachable) throw new Error(unreachable);
  admin ??= openPostgres(inject('postgresAdminUrl'), { maxConnections: 3 });
  const adminDb = admin;
  const name = postgresName('tpl');
  // C collation sorts text byte by byte, as SQLite does, so ordered lists match on both stores.
  await sql`
    create database ${sql.id(name)}
    template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`.execute(adminDb);
  await seed(openPostgres(postgresUrl(name), { maxConnections: 2 }), dir);
  // A template must have no open connections: seed() closed them all.
  const create = async () => {
    const copy = postgresName('t');
    await sql`create database ${sql.id(copy)} template ${sql.id(name)}`.execute(adminDb);
    return copy;
  };
  // Copying takes ~0.15 s, so the next test's copy is made while this one runs.
  let next: Promise<string> | undefined;
  return {
    dir,
    async copy() {
      const copy = await (next ?? create());
      next = create();
      next.catch(() => {}); // reported when the next test awaits it
      return {
        connect: () => openPostgres(postgresUrl(copy)),
        // Dropping takes ~0.1 s, so it runs in the background; the global teardown drops leftovers.
        drop: async () => {
          void dropTestDatabase(throughKysely(adminDb), copy).catch(() => {});
        },
      };
    },
  };
}

/** Makes the once-per-file template for the selected dialect. */
function demoTemplate(): Promise<Template> {
  template ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-template-'));
    return testDialect === 'postgres' ? postgresTemplate(dir) : sqliteTemplate(dir);
  })();
  return template;
}

/** A fresh copy of the demo database on the selected dialect, plus its demo sign-ins. */
export async function openDemoDatabase(): Promise<TestDatabase> {
  const source = await demoTemplate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-test-'));
  fs.copyFileSync(
    path.join(source.dir, 'demo-credentials.json'),
    path.join(dir, 'demo-credentials.json'),
  );
  const { connect, drop } = await source.copy(dir);
  const db = connect();
  return {
    db,
    dir,
    connect,
    async dispose() {
      await db.destroy();
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The id of the demo data's one office. */
export async function demoOfficeId(db: Db): Promise<string> {
  return (await db.selectFrom('offices').select('id').executeTakeFirstOrThrow()).id;
}
