import type { OfficeView } from '@loket/shared';

/** Where the kiosk keeps the office's other channels for its offline page. */
export const CHANNELS_KEY = 'loket.kiosk.channels';

/** The page a kiosk shows while the server cannot be reached; the service worker keeps a copy. */
export const OFFLINE_PAGE = '/kiosk/offline.html';

/** How long the connection may be down, with nobody at the kiosk, before the offline page. */
export const OFFLINE_PAGE_AFTER_MS = 10_000;

/** Keeps the office's other channels, so that the offline page can show them without a server. */
export function rememberChannels(office: OfficeView): void {
  try {
    localStorage.setItem(CHANNELS_KEY, JSON.stringify(office.channels));
  } catch {
    // Storage full or refused: the offline page then shows no channels, nothing worse.
  }
}

/** Whether the server answers its health check within `timeoutMs`. */
export async function serverAnswers(timeoutMs = 3000): Promise<boolean> {
  try {
    const response = await fetch('/healthz', {
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok;
  } catch {
    return false;
  }
}
