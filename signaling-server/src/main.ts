import path from 'node:path';
import { NAMESPACES } from '@loket/shared';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { onPremRecogniser } from './captions/onprem-recogniser.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { readDemoCredentials, seedDemoData } from './demo/demo-data.js';
import { randomIds } from './ids.js';
import { httpsRedirect } from './http/https-redirect.js';
import { createLogger } from './log.js';
import { describeDatabase, migrateToLatest, openDatabase } from './store/database.js';
import { redisPreparedRooms } from './media/prepared-rooms.js';
import { joinCluster } from './realtime/cluster.js';
import { recoverAfterRestart } from './scheduling/recovery.js';
import { issuePairing, type Pairing } from './use-cases/kiosk-enrolment.js';
import { printWelcome } from './welcome.js';

// The workspace root, from src/ in development or dist/ once built.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The configuration, or, for a bad setting, its message alone on stderr and exit code 2. */
function readConfig(): Config {
  try {
    return loadConfig(process.env, root);
  } catch (error) {
    // Anything else is a bug and fails loudly, with its stack.
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

const config = readConfig();
const log = createLogger(config.logLevel);
// Nothing fails silently: an error nobody caught is logged, then the process ends for a restart.
process.on('uncaughtException', (err, origin) => {
  log.fatal({ err, origin }, 'uncaught exception');
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  log.fatal({ err: reason }, 'unhandled rejection');
  process.exit(1);
});
const db = openDatabase(config, {
  onIdleError: (error) => log.warn({ err: error }, 'database connection lost'),
});
await migrateToLatest(db);
// Beside the SQLite file, or in DATA_DIR when the store is PostgreSQL.
const credentialsDir = config.databaseUrl ? config.dataDir : path.dirname(config.sqlitePath);
const credentialsFile = path.join(credentialsDir, 'demo-credentials.json');
/** How long the demo kiosk's printed pairing link works: a working day. */
const DEMO_PAIRING_MS = 12 * 3600 * 1000;
let demoPairing: Pairing | null = null;
if (config.demoData) {
  const seeded = await seedDemoData(db, { clock: systemClock, ids: randomIds, credentialsFile });
  if (seeded) log.info({ credentialsFile }, 'demo data created');
  const kiosk = await db
    .selectFrom('kiosks')
    .select(['office_id', 'name'])
    .orderBy('created_at')
    .executeTakeFirst();
  if (kiosk) {
    demoPairing = await issuePairing(
      db,
      { clock: systemClock, ids: randomIds },
      { officeId: kiosk.office_id, name: kiosk.name, ttlMs: DEMO_PAIRING_MS },
    );
  }
}
// One of several instances must not take back what the others' kiosks and consoles hold: there,
// what a dead instance left is found by every running one (`scheduling/orphans.ts`).
const cluster = config.redisUrl ? await joinCluster(config.redisUrl, log) : null;
if (!cluster) {
  await recoverAfterRestart(db, {
    clock: systemClock,
    ids: randomIds,
    reconnectGraceMs: config.reconnectGraceMs,
  });
}

const app = createApp({
  config,
  db,
  clock: systemClock,
  ids: randomIds,
  log,
  ...(cluster
    ? { adapter: cluster.adapter, preparedRooms: redisPreparedRooms(cluster.redis) }
    : {}),
  ...(config.recogniserUrl && config.captions.includes('onprem')
    ? {
        recogniser: onPremRecogniser({
          url: config.recogniserUrl,
          timeoutMs: config.recogniserTimeoutMs,
        }),
      }
    : {}),
});
// Events in flight when Redis went away are lost, not queued: the kiosks connected here drop
// their connection and bootstrap afresh, so none keeps showing a ticket that has moved on since.
cluster?.onReconnect(() => {
  // Closing the transport, not the namespace: the client reconnects by itself.
  for (const socket of app.io.of(NAMESPACES.kiosk).sockets.values()) socket.conn.close();
});
const redirect =
  config.httpRedirectPort === null ? null : httpsRedirect(config.publicUrl, config.port);
redirect?.listen(config.httpRedirectPort ?? 0, config.host);
app.http.listen(config.port, config.host, () => {
  const address = app.http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl ?? `${config.tls ? 'https' : 'http'}://localhost:${port}`;
  log.info(
    { port, database: describeDatabase(config), cluster: config.redisUrl !== null },
    'listening',
  );
  const credentials = config.demoData ? readDemoCredentials(credentialsFile) : null;
  printWelcome(
    base,
    credentials && { credentials, file: credentialsFile, pairing: demoPairing },
    process.stdout,
  );
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await app.close();
  await cluster?.close();
  redirect?.close();
  await db.destroy();
  log.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
