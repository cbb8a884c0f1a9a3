import { execFileSync } from 'node:child_process';

/** The demo office's kiosk, as the demo data names it. */
export const DEMO_KIOSK = 'Kios lobi 1';

/**
 * A one-time pairing code for a kiosk of the built server whose data folder is `dataDir`, made
 * the way an office makes one (`pnpm kiosk pair`). Each code gives the kiosk a new credential
 * and shuts out the one before.
 */
export function pairingCode(dataDir: string, kiosk = DEMO_KIOSK): string {
  // The browser tests' servers keep SQLite in their data folder.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.SQLITE_PATH;
  const printed = execFileSync(
    'node',
    ['signaling-server/dist/kiosk.js', 'pair', '--name', kiosk, '--minutes', '10'],
    { env, encoding: 'utf8' },
  );
  const code = /#pair=([A-Z0-9]+)/.exec(printed)?.[1];
  if (!code) throw new Error(`no pairing code in:\n${printed}`);
  return code;
}

/** The pairing link staff open on the kiosk, relative to the server's address. */
export function pairingLink(dataDir: string, kiosk = DEMO_KIOSK): string {
  return `/kiosk/#pair=${pairingCode(dataDir, kiosk)}`;
}
