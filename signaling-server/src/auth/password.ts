import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import pLimit from 'p-limit';

const KEY_LENGTH = 64;
// OWASP's recommended scrypt cost (N=2^17, r=8, p=1) needs 128 MiB per hash.
const COST = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } satisfies ScryptOptions;

/**
 * Hashes run two at a time: each holds one of libuv's four threads for a few hundred
 * milliseconds, so unlimited parallel sign-ins would leave none for files, DNS and zlib.
 */
const HASHES_AT_ONCE = 2;
/** Beyond this many waiting, a sign-in is refused as busy rather than queued for seconds. */
const HASHES_WAITING = 32;
const hashing = pLimit(HASHES_AT_ONCE);

/** Too many password checks are waiting; the caller should answer "try again shortly". */
export class PasswordCheckBusy extends Error {
  override readonly name = 'PasswordCheckBusy';
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  if (hashing.pendingCount >= HASHES_WAITING) {
    return Promise.reject(new PasswordCheckBusy('too many password checks waiting'));
  }
  return hashing(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/** Hashes a password with scrypt; the result carries its own salt and cost. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem };
  const actual = await derive(password, Buffer.from(salt, 'base64'), options);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
