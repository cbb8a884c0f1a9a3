import { createHmac } from 'node:crypto';
import type { IceServer } from '@loket/shared';

/** A TURN server that shares a secret with Loket (coturn's `use-auth-secret`). */
export interface TurnSettings {
  urls: string[];
  secret: string;
  ttlSeconds: number;
}

/**
 * Time-limited TURN credentials in coturn's REST scheme: the username is `expiry:identity` (expiry
 * in Unix seconds) and the credential is base64(HMAC-SHA1(secret, username)), so coturn can check
 * them without asking Loket.
 */
export function turnCredentials(
  secret: string,
  identity: string,
  ttlSeconds: number,
  nowMs: number,
): { username: string; credential: string } {
  const expiry = Math.floor(nowMs / 1000) + Math.round(ttlSeconds);
  const username = `${expiry}:${identity}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential };
}

/** The ICE servers one party gets: the configured ones plus TURN with its own credentials. */
export function iceServersFor(
  base: IceServer[],
  turn: TurnSettings | null,
  identity: string,
  nowMs: number,
): IceServer[] {
  if (!turn || turn.urls.length === 0) return base;
  const credentials = turnCredentials(turn.secret, identity, turn.ttlSeconds, nowMs);
  return [...base, { urls: turn.urls, ...credentials }];
}
