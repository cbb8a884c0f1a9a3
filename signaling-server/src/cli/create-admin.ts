import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPassword } from '../auth/password.js';
import { DEFAULT_HOURS } from '../core/service-hours.js';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { randomIds } from '../ids.js';
import { describeDatabase, migrateToLatest, openDatabase } from '../store/database.js';
import { findUserByUsername, insertUser } from '../store/repositories/users.js';

const USAGE = `Creates the first administrator (and their office) in the configured database.
usage: create-admin --username NAME --name "Display Name" --office "Office name"
The password is read from LOKET_ADMIN_PASSWORD or asked for on the terminal.`;

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    office: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help || !values.username || !values.name || !values.office) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 2);
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.LOKET_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password (at least 12 characters): ');
  rl.close();
  return answer;
}

// Only the database settings matter here; the root is where dist/ sits in the workspace.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = loadConfig(process.env, root);
const password = await readPassword();
if (password.length < 12) {
  process.stderr.write('The password must have at least 12 characters.\n');
  process.exit(2);
}
const db = openDatabase(config);
await migrateToLatest(db);
if (await findUserByUsername(db, values.username)) {
  process.stderr.write(`User ${values.username} already exists.\n`);
  await db.destroy();
  process.exit(1);
}
const now = systemClock();
const officeId = randomIds();
await db.transaction().execute(async (trx) => {
  await trx
    .insertInto('offices')
    .values({
      id: officeId,
      name_id: values.office!,
      name_en: values.office!,
      time_zone: 'Asia/Jakarta',
      hours: JSON.stringify(DEFAULT_HOURS),
      channels: '[]',
      created_at: now,
      summary_retention_days: 30,
      version: 1,
      hours_version: 1,
      dispositions_version: 1,
      quick_replies_version: 1,
    })
    .execute();
  await insertUser(trx, {
    id: randomIds(),
    office_id: officeId,
    username: values.username!,
    display_name: values.name!,
    role: 'admin',
    password_hash: await hashPassword(password),
    created_at: now,
  });
});
await db.destroy();
process.stdout.write(`Administrator ${values.username} created in ${describeDatabase(config)}.\n`);
