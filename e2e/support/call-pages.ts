import { expect, type Browser, type Page } from '@playwright/test';
import type { Loket } from './livekit-loket.js';
import { paintCameraMagenta, recordPeerConnections } from './media.js';

/** The demo kiosk of `loket` on its start screen, its peer connections recorded. */
export async function openCallKiosk(browser: Browser, loket: Loket): Promise<Page> {
  const context = await browser.newContext({
    baseURL: loket.baseURL,
    viewport: { width: 1080, height: 1600 },
  });
  await recordPeerConnections(context);
  const page = await context.newPage();
  await page.goto(loket.kioskLink());
  // Paired once its start screen shows: the pairing request runs after the first paint.
  await expect(page.getByRole('button', { name: 'Sentuh untuk mulai' })).toBeVisible();
  return page;
}

/** An officer's console on `loket`, signed in, its peer connections recorded, its camera magenta. */
export async function openCallConsole(
  browser: Browser,
  loket: Loket,
  username = 'petugas1',
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: loket.baseURL,
    viewport: { width: 1440, height: 900 },
  });
  await recordPeerConnections(context);
  await paintCameraMagenta(context);
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(loket.password(username));
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Konsol petugas' })).toBeVisible();
  return page;
}

/** The ports the page's connected peer connections reach their remote end on. */
export function remotePorts(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const pcs =
      (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    const ports = new Set<number>();
    for (const pc of pcs) {
      if (pc.connectionState !== 'connected') continue;
      (await pc.getStats()).forEach((report: { type: string; port?: number }) => {
        if (report.type === 'remote-candidate' && report.port) ports.add(report.port);
      });
    }
    return [...ports];
  });
}
