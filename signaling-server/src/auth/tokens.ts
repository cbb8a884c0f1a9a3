import { hash, randomFillSync } from 'node:crypto';

const TOKEN_BYTES = 32;
/**
 * Random bytes for the next tokens, drawn from the system in one call: every kiosk connection
 * takes a token, and one draw per token cost more than the rest of making it.
 */
const pool = Buffer.alloc(TOKEN_BYTES * 256);
let taken = pool.length;

/** A new secret token for a session cookie or a kiosk device; only its hash is stored. */
export function newToken(): string {
  if (taken === pool.length) {
    randomFillSync(pool);
    taken = 0;
  }
  const token = pool.toString('base64url', taken, taken + TOKEN_BYTES);
  // A token's bytes are not kept once it is made.
  pool.fill(0, taken, taken + TOKEN_BYTES);
  taken += TOKEN_BYTES;
  return token;
}

/**
 * The stored form of a token: a leaked database does not let anyone sign in with it. One-shot
 * `hash` takes a third of the time a Hash object does, and every kiosk connection hashes twice.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}
