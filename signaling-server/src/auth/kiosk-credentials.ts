import { newToken } from './tokens.js';

/**
 * A kiosk's credential names its kiosk before the secret (`<kiosk id>.<secret>`), so the handshake
 * reads the kiosk by its primary key and compares the secret's hash itself. Found by its hash
 * instead, every credential handed out on connecting was written to an index of hashes (two, with
 * the pending one's), which cost more than the rest of the connection's write.
 */
export function newKioskCredential(kioskId: string): string {
  return `${kioskId}.${newToken()}`;
}

/**
 * The kiosk a credential names; null for a credential made before credentials named their kiosk
 * (the secret is base64url, which has no dot), which is looked for by its hash.
 */
export function kioskOfCredential(credential: string): string | null {
  const dot = credential.lastIndexOf('.');
  return dot > 0 ? credential.slice(0, dot) : null;
}
