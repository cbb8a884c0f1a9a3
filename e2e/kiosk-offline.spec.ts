import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test.js';
import { freePort } from './support/free-port.js';
import { openPairedKiosk } from './support/kiosk-pairing.js';
import { startLoket, type Loket } from './support/livekit-loket.js';
import { checkScreen } from './support/screens.js';

const OFFLINE_TITLE = 'Layanan sedang menyambung kembali';

test('A kiosk shows the offline page while the server is gone, even after a reload, and comes back by itself', async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-offline-'));
  const env = { PORT: String(await freePort()), DATA_DIR: dataDir };
  let loket: Loket | null = await startLoket(env);
  try {
    const kiosk = await openPairedKiosk(browser, dataDir, 'Kios lobi 1', {
      baseURL: loket.baseURL,
    });
    // The service worker is installed and keeps the offline page.
    await kiosk.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await loket.stop();
    loket = null;
    await expect(kiosk.getByRole('heading', { name: OFFLINE_TITLE })).toBeVisible({
      timeout: 30_000,
    });
    await expect(kiosk.getByText('The service is reconnecting')).toBeVisible();
    await expect(kiosk.getByText('WhatsApp', { exact: false }).first()).toBeVisible();
    await checkScreen(kiosk, 'kiosk-offline');

    // A kiosk switched off and on meanwhile gets the same page, not the browser's error.
    await kiosk.goto('/kiosk/');
    await expect(kiosk.getByRole('heading', { name: OFFLINE_TITLE })).toBeVisible();

    loket = await startLoket(env);
    await expect(kiosk.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible({
      timeout: 30_000,
    });
  } finally {
    await loket?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
