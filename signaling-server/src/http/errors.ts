import type { ErrorCode } from '@loket/shared';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '../log.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  OFFER_NOT_HELD: 409,
  NOT_IN_CALL: 409,
  RATE_LIMITED: 429,
  OUTSIDE_HOURS: 503,
  NO_AGENT_AVAILABLE: 503,
  MEDIA_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Answers a REST error with its status and the shared error body. */
export function sendError(res: Response, code: ErrorCode, message: string): void {
  res.status(STATUS[code]).json({ error: { code, message } });
}

/** Last handler: malformed JSON is the client's fault; anything else is logged as ours. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const status = (err as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      return sendError(res, 'BAD_REQUEST', (err as Error).message);
    }
    log.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    sendError(res, 'INTERNAL', 'something went wrong on the server');
  };
}
