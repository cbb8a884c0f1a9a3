import { ApiError } from '@loket/shared';
import { ConsoleError, parseOrThrow, type Parser } from './errors';

/** How long a command may wait for its ack. */
export const ACK_TIMEOUT_MS = 8000;

/** Parses nothing: for commands whose ack carries `null`. */
export const NO_DATA: Parser<null> = { parse: () => null };

/**
 * Awaits a command's ack and returns its parsed data; a refusal, a timeout or a malformed ack
 * becomes a ConsoleError with a code the screens translate.
 */
export async function unwrapAck<T>(pending: Promise<unknown>, data: Parser<T>): Promise<T> {
  let ack: unknown;
  try {
    ack = await pending;
  } catch (error) {
    throw new ConsoleError('TIMEOUT', error instanceof Error ? error.message : String(error));
  }
  if (typeof ack !== 'object' || ack === null || !('ok' in ack)) {
    throw new ConsoleError('BAD_RESPONSE', 'ack without ok');
  }
  if (ack.ok === true && 'data' in ack) return parseOrThrow(data, ack.data);
  const error = parseOrThrow(ApiError, 'error' in ack ? ack.error : undefined);
  throw new ConsoleError(error.code, error.message);
}
