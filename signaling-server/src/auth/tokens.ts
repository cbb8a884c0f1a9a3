import { createHash, randomBytes } from 'node:crypto';

/** A new secret token for a session cookie or a kiosk device; only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token: a leaked database does not let anyone sign in with it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
