/** Where the kiosk keeps its credential (the key is the one enrolled kiosks already use). */
export const CREDENTIAL_KEY = 'loket.kioskToken';
/** Where the credential before the newest one is kept until the newest has been used. */
export const PREVIOUS_CREDENTIAL_KEY = 'loket.kioskToken.previous';

/** The kiosk's credential, if it was ever paired. */
export function readCredential(): string | null {
  return localStorage.getItem(CREDENTIAL_KEY);
}

/**
 * Keeps the credential the server handed over, for the next connection, and the one before it:
 * a connection may hand over a credential that a connection after it replaces on the server
 * before the kiosk has it, and then the one before is the one that still works.
 */
export function saveCredential(credential: string): void {
  const before = readCredential();
  if (before !== null && before !== credential) {
    localStorage.setItem(PREVIOUS_CREDENTIAL_KEY, before);
  }
  localStorage.setItem(CREDENTIAL_KEY, credential);
}

/** Keeps the credential a pairing gave; whatever the kiosk held before no longer works. */
export function savePairedCredential(credential: string): void {
  localStorage.removeItem(PREVIOUS_CREDENTIAL_KEY);
  localStorage.setItem(CREDENTIAL_KEY, credential);
}

/**
 * The newest credential was refused: the one before it becomes the one to present, once. False
 * when there is none left to try.
 */
export function fallBackToPreviousCredential(): boolean {
  const previous = localStorage.getItem(PREVIOUS_CREDENTIAL_KEY);
  localStorage.removeItem(PREVIOUS_CREDENTIAL_KEY);
  if (previous === null) return false;
  localStorage.setItem(CREDENTIAL_KEY, previous);
  return true;
}

/** Drops a credential the server no longer takes, and the one before it. */
export function forgetCredential(): void {
  localStorage.removeItem(CREDENTIAL_KEY);
  localStorage.removeItem(PREVIOUS_CREDENTIAL_KEY);
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
