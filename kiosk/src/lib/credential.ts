/** Where the kiosk keeps its credential (the key is the one enrolled kiosks already use). */
export const CREDENTIAL_KEY = 'loket.kioskToken';

/** The kiosk's credential, if it was ever paired. */
export function readCredential(): string | null {
  return localStorage.getItem(CREDENTIAL_KEY);
}

/** Keeps the credential the server handed over, for the next connection. */
export function saveCredential(credential: string): void {
  localStorage.setItem(CREDENTIAL_KEY, credential);
}

/** Drops a credential the server no longer takes. */
export function forgetCredential(): void {
  localStorage.removeItem(CREDENTIAL_KEY);
}

/**
 * A pairing code from the link staff open on the kiosk (`/kiosk/#pair=CODE`), taken out of the
 * address bar so it never shows on screen. The code is in the fragment, which the browser never
 * sends to the server, so it is in no server log either.
 */
export function takePairingCode(location: Location = window.location): string | null {
  const url = new URL(location.href);
  const code = new URLSearchParams(url.hash.slice(1)).get('pair');
  if (!code) return null;
  history.replaceState(history.state, '', url.pathname + url.search);
  return code;
}
