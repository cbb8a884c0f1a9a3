import { z } from 'zod';

/**
 * Stable error codes. Clients translate them into the visitor's or officer's language; the
 * message that travels with them is for logs and developers only.
 */
export const ErrorCode = z.enum([
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  /** It existed, and its time is over (e.g. a visit summary past its office's retention). */
  'GONE',
  'INVALID_STATE',
  'OFFER_NOT_HELD',
  'NOT_IN_CALL',
  'INVALID_CREDENTIALS',
  /** Too many attempts or events; `retryAt` says when to try again, if known. */
  'RATE_LIMITED',
  /** The request body is larger than the server takes. */
  'TOO_LARGE',
  /** The video service (LiveKit) could not be reached; the ticket went back to the queue. */
  'MEDIA_UNAVAILABLE',
  /** The office is outside its service hours; `retryAt` says when it opens. */
  'OUTSIDE_HOURS',
  /** No officer who could serve this request is signed in now. */
  'NO_AGENT_AVAILABLE',
  /**
   * The server is past what it can serve and takes no new ticket now; `retryAt` says when to try
   * again (a call-back is the other way).
   */
  'BUSY',
  /** A manager has taken this kiosk out of service. */
  'KIOSK_CLOSED',
  /** Someone else changed the record since it was read; reload it before changing it. */
  'CHANGED_ELSEWHERE',
  /** Another live record already has this (a service's ticket letter…). */
  'DUPLICATE',
  /** A date that has already passed where only a coming one makes sense (a holiday…). */
  'PAST_DATE',
  /** An upload that is not one of the image types taken (read from its bytes, not its name). */
  'NOT_AN_IMAGE',
  /**
   * A manager asked to watch a peer-to-peer call: its media goes straight between kiosk and
   * officer, through no server a watcher could join. Only calls over LiveKit can be watched.
   */
  'MONITOR_NEEDS_LIVEKIT',
  /** Records refer to it (an outcome visits were closed with): retire it instead of removing it. */
  'IN_USE',
  'INTERNAL',
]);
/** One of the stable error codes. */
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Codes only the administration's and managers' routes answer. Kiosks never call those routes, so
 * the kiosk carries no words for them (its first screen's code stays small).
 */
export const ADMIN_ERROR_CODES = [
  'CHANGED_ELSEWHERE',
  'DUPLICATE',
  'PAST_DATE',
  'NOT_AN_IMAGE',
  'MONITOR_NEEDS_LIVEKIT',
  'IN_USE',
] as const satisfies readonly ErrorCode[];
/** A code only the administration's routes answer. */
export type AdminErrorCode = (typeof ADMIN_ERROR_CODES)[number];

/** The error half of every ack and every REST error body. */
export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** When trying again makes sense (e.g. the next opening), in epoch ms, if known. */
  retryAt: z.number().int().nonnegative().nullable().optional(),
});
/** A typed error as it travels over the wire. */
export type ApiError = z.infer<typeof ApiError>;

/** What every socket command answers: its data, or a typed error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** The callback every socket command takes as its last argument. */
export type AckCallback<T> = (response: Ack<T>) => void;

/** A successful ack. */
export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

/** A failed ack. */
export function fail(code: ErrorCode, message: string, retryAt?: number | null): Ack<never> {
  return {
    ok: false,
    error: retryAt === undefined ? { code, message } : { code, message, retryAt },
  };
}

/** Builds the zod schema of an ack around the schema of its data, for clients that validate. */
export function ackSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ApiError }),
  ]);
}
