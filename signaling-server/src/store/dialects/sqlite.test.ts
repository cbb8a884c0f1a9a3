import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite.js';

describe('the SQLite store', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes ahead to a log it syncs at checkpoints, not at every commit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-sqlite-'));
    dirs.push(dir);
    const db = openSqlite(path.join(dir, 'loket.db'));
    try {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      // 1 is NORMAL; FULL (2) is SQLite's default.
      expect(sync.rows[0]?.synchronous).toBe(1);
    } finally {
      await db.destroy();
    }
  });
});
