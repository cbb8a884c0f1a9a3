import type { ErrorCode } from '@loket/shared';

/**
 * A refusal the caller can act on, with its stable code. Thrown inside a transaction it rolls the
 * transaction back, so a refused command changes nothing.
 */
export class LoketError extends Error {
  override readonly name = 'LoketError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** When trying again makes sense, if known (e.g. the next opening). */
    readonly retryAt?: number | null,
  ) {
    super(message);
  }
}
