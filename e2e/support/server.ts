import fs from 'node:fs';
import path from 'node:path';
import { pairingLink } from './kiosk-pairing.js';

/**
 * Port of the server the browser tests start; away from the default so a dev server can run.
 * E2E_PORT moves it, so two runs of different specs can share a machine.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8090);

/** Fresh data folder of the browser tests' server, so every run starts from the demo data. */
export const E2E_DATA_DIR = path.resolve(`test-output/e2e-data-${E2E_PORT}`);

/**
 * The server's log of a run, kept beside its artifacts: a failed browser test is read against
 * what the server did (a refused handshake, a closed socket) at that moment.
 */
export const E2E_SERVER_LOG = path.resolve(`test-output/e2e-server-${E2E_PORT}.log`);

/** The built server on its own empty database with demo data and quick offer expiry. */
export function e2eServerCommand(): string {
  return [
    `rm -rf ${E2E_DATA_DIR} && mkdir -p ${path.dirname(E2E_SERVER_LOG)} &&`,
    `PORT=${E2E_PORT} HOST=127.0.0.1 DATA_DIR=${E2E_DATA_DIR} DEMO_DATA=true LOG_LEVEL=info`,
    'OFFER_TIMEOUT_SECONDS=60 CAPTIONS=typed,browser node signaling-server/dist/main.js',
    `> ${E2E_SERVER_LOG}`,
  ].join(' ');
}

/** The sign-ins the server wrote when it made its demo data. */
export function demoCredentials(): {
  users: { username: string; password: string; role: string }[];
} {
  return JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, 'demo-credentials.json'), 'utf8'));
}

/** The password of one demo user. */
export function passwordOf(username: string): string {
  const user = demoCredentials().users.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.password;
}

/** A one-time pairing link for the demo kiosk of the browser tests' server. */
export function kioskLink(): string {
  return pairingLink(E2E_DATA_DIR);
}
