import type { ErrorCode } from '@loket/shared';

/** Codes the console shows: the server's stable codes plus failures only a client can see. */
export type ConsoleErrorCode =
  | ErrorCode
  | 'NETWORK'
  | 'TIMEOUT'
  | 'BAD_RESPONSE'
  | 'MEDIA_FAILED'
  | 'SCREEN_SHARE_FAILED'
  | 'DEVICE_SWITCH_FAILED';

/** A failure with a code the screens translate; the message is for developers only. */
export class ConsoleError extends Error {
  override readonly name = 'ConsoleError';

  constructor(
    readonly code: ConsoleErrorCode,
    message: string = code,
    /** When trying again makes sense (epoch ms), when the server said. */
    readonly retryAt: number | null = null,
  ) {
    super(message);
  }
}

/** The code of any thrown value, so screens always have something to translate. */
export function errorCodeOf(error: unknown): ConsoleErrorCode {
  return error instanceof ConsoleError ? error.code : 'INTERNAL';
}

/** Anything with zod's `parse`, so this package needs no direct zod dependency. */
export interface Parser<T> {
  parse(input: unknown): T;
}

/** Parses `input`, turning a schema mismatch into a typed BAD_RESPONSE. */
export function parseOrThrow<T>(parser: Parser<T>, input: unknown): T {
  try {
    return parser.parse(input);
  } catch (error) {
    throw new ConsoleError('BAD_RESPONSE', error instanceof Error ? error.message : String(error));
  }
}
