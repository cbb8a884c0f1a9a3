import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { systemClock } from '../src/clock.js';
import { seedDemoData } from '../src/demo/demo-data.js';
import { randomIds } from '../src/ids.js';
import { migrateToLatest, openSqlite } from '../src/store/database.js';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The environment of a server whose database is the SQLite file in `dir`. */
function storeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir };
  delete env.DATABASE_URL;
  delete env.SQLITE_PATH;
  return env;
}

/** The backup command as an operator runs it, on the SQLite database in `dataDir`. */
async function backupCommand(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/backup.ts', ...args],
      {
        cwd: SERVER_DIR,
        env: storeEnv(),
      },
    );
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
  }
}

/** A demo office's database in a fresh data folder, as a running server leaves it. */
async function demoDatabase(): Promise<string> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-backup-'));
  const file = path.join(dir, 'loket.db');
  const db = openSqlite(file);
  await migrateToLatest(db);
  await seedDemoData(db, {
    clock: systemClock,
    ids: randomIds,
    credentialsFile: path.join(dir, 'demo-credentials.json'),
  });
  await db.destroy();
  return file;
}

const officeName = (file: string) => {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return (db.prepare('select name_id from offices').get() as { name_id: string }).name_id;
  } finally {
    db.close();
  }
};

describe('backup and restore of the SQLite database', () => {
  test('a backup taken while the database is open restores what it held, keeping the database it replaces', async () => {
    const live = await demoDatabase();
    const before = officeName(live);
    // The server's own connection stays open during the backup, as in production.
    const serving = new SqliteDatabase(live);
    serving.pragma('journal_mode = WAL');
    const backup = path.join(dir, 'copies', 'monday.db');
    const taken = await backupCommand(['backup', '--to', backup]);
    expect(taken, taken.out).toMatchObject({ code: 0, out: expect.stringContaining('1 offices') });
    serving.prepare('update offices set name_id = ?').run('Dirusak setelah cadangan');
    serving.close();

    const restored = await backupCommand(['restore', backup]);
    expect(restored).toMatchObject({ code: 0, out: expect.stringContaining('Restored') });
    expect(officeName(live)).toBe(before);
    const kept = /kept at (.+)\.\n/.exec(restored.out)?.[1];
    expect(kept && officeName(kept)).toBe('Dirusak setelah cadangan');
  });

  test('the default backup lands in the data folder’s backups, and a second one never overwrites it', async () => {
    await demoDatabase();
    expect((await backupCommand(['backup'])).code).toBe(0);
    const [copy] = fs.readdirSync(path.join(dir, 'backups'));
    expect(copy).toMatch(/^loket-\d{4}-\d\d-\d\dT.+\.db$/);
    const again = await backupCommand(['backup', '--to', path.join(dir, 'backups', copy!)]);
    expect(again).toMatchObject({ code: 2, out: expect.stringContaining('exists already') });
  });

  test('refuses to restore a file that is not a Loket database, leaving the database alone', async () => {
    const live = await demoDatabase();
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'bukan basis data');
    expect(await backupCommand(['restore', notes])).toMatchObject({
      code: 2,
      out: expect.stringContaining('not a SQLite database'),
    });
    const other = path.join(dir, 'other.db');
    new SqliteDatabase(other).exec('create table notes (text)').close();
    expect(await backupCommand(['restore', other])).toMatchObject({
      code: 2,
      out: expect.stringContaining('not a Loket database'),
    });
    expect(await backupCommand(['restore', path.join(dir, 'missing.db')])).toMatchObject({
      code: 2,
      out: expect.stringContaining('cannot be opened'),
    });
    expect(officeName(live)).toBeTruthy();
    expect(fs.readdirSync(dir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });
});
