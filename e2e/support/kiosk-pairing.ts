import { execFileSync } from 'node:child_process';
import { expect, type Browser, type Page } from '@playwright/test';

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

/**
 * A kiosk screen in a context of its own, paired as staff pair one (the code typed on its pairing
 * screen), at its start screen. `baseURL` for a browser launched outside the test runner.
 */
export async function openPairedKiosk(
  browser: Browser,
  dataDir: string,
  kiosk: string,
  options: { baseURL?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    viewport: options.viewport ?? { width: 1080, height: 1920 },
    permissions: ['camera', 'microphone'],
  });
  const page = await context.newPage();
  await page.goto('/kiosk/');
  await page.getByRole('textbox', { name: 'Kode pemasangan' }).fill(pairingCode(dataDir, kiosk));
  await page.getByRole('button', { name: 'Pasangkan kiosk' }).click();
  await expect(page.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible();
  return page;
}
