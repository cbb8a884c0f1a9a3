import type { ErrorCode } from '@loket/shared';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '../log.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  GONE: 410,
  INVALID_STATE: 409,
  OFFER_NOT_HELD: 409,
  NOT_IN_CALL: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  OUTSIDE_HOURS: 503,
  NO_AGENT_AVAILABLE: 503,
  BUSY: 503,
  MEDIA_UNAVAILABLE: 503,
  KIOSK_CLOSED: 503,
  CHANGED_ELSEWHERE: 409,
  DUPLICATE: 409,
  PAST_DATE: 400,
  NOT_AN_IMAGE: 415,
  MONITOR_NEEDS_LIVEKIT: 409,
  IN_USE: 409,
  INTERNAL: 500,
};

/**
 * Answers a REST error with its status and the shared error body; a refusal that may be retried
 * later also says when, in the body and as Retry-After.
 */
export function sendError(
  res: Response,
  code: ErrorCode,
  message: string,
  retryAt?: number | null,
): void {
  if (retryAt) {
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil((retryAt - Date.now()) / 1000))));
  }
  res
    .status(STATUS[code])
    .json({ error: retryAt ? { code, message, retryAt } : { code, message } });
}

/**
 * The client's mistakes the body parser reports, by its error `type`, each answered with its own
 * status and a fixed message: the parser's own message quotes the input, which is not echoed.
 */
const CLIENT_FAULTS: Record<string, [ErrorCode, string]> = {
  'entity.too.large': ['TOO_LARGE', 'the request body is too large'],
  'entity.parse.failed': ['BAD_REQUEST', 'the request body is not valid JSON'],
  'encoding.unsupported': ['BAD_REQUEST', 'the request body encoding is not supported'],
  'charset.unsupported': ['BAD_REQUEST', 'the request body charset is not supported'],
};

/** Last handler: a malformed request is the client's fault; anything else is logged as ours. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { status, type } = err as { status?: number; type?: string };
    if (status && status >= 400 && status < 500) {
      const [code, message] = CLIENT_FAULTS[type ?? ''] ?? [
        'BAD_REQUEST',
        'the request is not valid',
      ];
      return sendError(res, code, message);
    }
    log.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    sendError(res, 'INTERNAL', 'something went wrong on the server');
  };
}
