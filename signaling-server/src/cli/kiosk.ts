import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { randomIds } from '../ids.js';
import { migrateToLatest, openDatabase, type Db } from '../store/database.js';
import { listKiosks } from '../store/repositories/kiosks.js';
import {
  formatPairingCode,
  issuePairing,
  revokeKioskByName,
} from '../use-cases/kiosk-enrolment.js';

const USAGE = `Enrols, pairs and revokes kiosks in the configured database.
usage: kiosk pair --name "Kios lobi 1" [--office NAME] [--minutes 15]
         a one-time pairing code (and link) for the kiosk, enrolling it if it is new;
         pairing again gives a kiosk a new credential and shuts the old one out
       kiosk revoke --name "Kios lobi 1" [--office NAME]
         shuts the kiosk out at once; pair it again to bring it back
       kiosk list`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    office: { type: 'string' },
    minutes: { type: 'string', default: '15' },
    help: { type: 'boolean' },
  },
});
const [action] = positionals;
const minutes = Number(values.minutes);
if (
  values.help ||
  !['pair', 'revoke', 'list'].includes(action ?? '') ||
  (action !== 'list' && !values.name) ||
  !(minutes > 0 && minutes <= 24 * 60)
) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 2);
}

/** The office meant: the only one, or the one named (either language) or given by id. */
async function officeOf(db: Db, wanted: string | undefined): Promise<string> {
  const offices = await db.selectFrom('offices').select(['id', 'name_id', 'name_en']).execute();
  const matches = wanted
    ? offices.filter((o) => [o.id, o.name_id, o.name_en].includes(wanted))
    : offices;
  if (matches.length === 1) return matches[0]!.id;
  throw new Error(
    matches.length === 0
      ? 'No such office. Create one first (admin:create).'
      : 'There are several offices: say which with --office.',
  );
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = loadConfig(process.env, root);
const db = openDatabase(config);
try {
  await migrateToLatest(db);
  if (action === 'list') {
    for (const kiosk of await listKiosks(db)) {
      const state = kiosk.revoked_at ? 'revoked' : 'enrolled';
      const seen = kiosk.last_seen_at
        ? new Date(Number(kiosk.last_seen_at)).toISOString()
        : 'never';
      process.stdout.write(`${kiosk.name}\t${state}\tlast seen ${seen}\n`);
    }
  } else {
    const officeId = await officeOf(db, values.office);
    const name = values.name!;
    if (action === 'revoke') {
      if (!(await revokeKioskByName(db, systemClock(), { officeId, name }))) {
        throw new Error(`No kiosk named ${name}.`);
      }
      process.stdout.write(`Kiosk ${name} revoked: its screen is shut out within a second.\n`);
    } else {
      const pairing = await issuePairing(
        db,
        { clock: systemClock, ids: randomIds },
        { officeId, name, ttlMs: minutes * 60_000 },
      );
      const base = config.publicUrl ?? `http://localhost:${config.port}`;
      const until = new Date(pairing.expiresAt).toLocaleTimeString('en-GB');
      process.stdout.write(
        [
          `Pairing code for kiosk ${name}: ${formatPairingCode(pairing.code)} (once, until ${until})`,
          `Type it on the kiosk, or open there: ${base}/kiosk/#pair=${pairing.code}`,
          '',
        ].join('\n'),
      );
    }
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
