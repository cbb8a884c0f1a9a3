import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { BackupError, backupSqlite, restoreSqlite } from '../store/backup.js';

const USAGE = `Backs up and restores the configured database.
usage: backup [--to FILE]
         a consistent copy of the SQLite database while the server runs
         (default: $DATA_DIR/backups/loket-<time>.db), checked before it answers
       restore FILE
         puts a backup in place of the SQLite database, after checking it; stop the server
         first. The database as it was is kept beside it (<file>.before-restore-<time>).
With DATABASE_URL (PostgreSQL), use PostgreSQL's own tools:
  pg_dump --format=custom --file=loket.dump "$DATABASE_URL"
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" loket.dump`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { to: { type: 'string' }, help: { type: 'boolean' } },
});
const [action, file] = positionals;
if (values.help || !(action === 'backup' || (action === 'restore' && file))) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 2);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let config: Config;
try {
  config = loadConfig(process.env, root);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
if (config.databaseUrl) {
  process.stderr.write(`The database is PostgreSQL (DATABASE_URL).\n${USAGE}\n`);
  process.exit(2);
}

const stamp = new Date();
try {
  if (action === 'backup') {
    const target = path.resolve(
      values.to ??
        path.join(
          config.dataDir,
          'backups',
          `loket-${stamp.toISOString().replace(/[:.]/g, '-')}.db`,
        ),
    );
    const copied = await backupSqlite(config.sqlitePath, target);
    process.stdout.write(
      `Backed up ${config.sqlitePath} to ${target} (${copied.offices} offices, ${copied.tickets} tickets; checked).\n`,
    );
  } else {
    const restored = await restoreSqlite(path.resolve(file!), config.sqlitePath, stamp);
    process.stdout.write(
      `Restored ${file} into ${config.sqlitePath} (${restored.offices} offices, ${restored.tickets} tickets).\n` +
        (restored.keptAs ? `The database as it was is kept at ${restored.keptAs}.\n` : ''),
    );
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
