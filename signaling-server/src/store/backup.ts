import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/** Something wrong with a backup or restore that the operator can fix; said in plain words. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** The checks a copy must pass: SQLite's own, and that it holds Loket's tables. */
function verify(file: string): { offices: number; tickets: number } {
  let copy: SqliteDatabase.Database;
  try {
    copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged: ${String(integrity)}`);
    const count = (table: string) =>
      (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    try {
      return { offices: count('offices'), tickets: count('tickets') };
    } catch {
      throw new BackupError(`${file} is not a Loket database (it has no offices or tickets)`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a SQLite database: ${(error as Error).message}`);
  } finally {
    copy.close();
  }
}

/**
 * Copies the live database at `live` to `target` with SQLite's online backup: the server may keep
 * running and writing meanwhile; the copy is one consistent moment. The copy is checked before
 * this answers.
 */
export async function backupSqlite(
  live: string,
  target: string,
): Promise<{ offices: number; tickets: number }> {
  if (!fs.existsSync(live)) throw new BackupError(`there is no database at ${live}`);
  if (fs.existsSync(target)) throw new BackupError(`${target} exists already; name a new file`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const source = new SqliteDatabase(live, { fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  return verify(target);
}

/**
 * Puts the backup `file` in place of the database at `live`, after checking it; the database as
 * it was is kept beside it first (`<live>.before-restore-<time>`). SQLite's backup writes through
 * the database's own journal, so its write-ahead log cannot be left stale. Stop the server first:
 * a running one would keep what it had read.
 */
export async function restoreSqlite(
  file: string,
  live: string,
  now: Date,
): Promise<{ offices: number; tickets: number; keptAs: string | null }> {
  const found = verify(file);
  let keptAs: string | null = null;
  if (fs.existsSync(live)) {
    keptAs = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    await backupSqlite(live, keptAs);
  }
  const source = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(live);
  } finally {
    source.close();
  }
  verify(live);
  return { ...found, keptAs };
}
