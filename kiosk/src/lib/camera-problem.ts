import { checkOf } from './self-test';

/**
 * Why the visitor's camera did not open, in the terms staff can act on: the page is not a secure
 * context (browsers block cameras on plain http), the browser refused permission, there is no
 * camera, or it failed (often another program holds it).
 */
export type CameraProblem = 'insecure' | 'blocked' | 'missing' | 'failed';

/** The problem behind a failed `getUserMedia` (or its absence), on a page that is `secure` or not. */
export function cameraProblem(error: unknown, secure: boolean): CameraProblem {
  if (!secure) return 'insecure';
  if (error instanceof Error && error.message === 'getUserMedia is not available') return 'missing';
  const check = checkOf(error);
  return check === 'blocked' || check === 'missing' ? check : 'failed';
}
