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
  'INVALID_STATE',
  'OFFER_NOT_HELD',
  'NOT_IN_CALL',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'INTERNAL',
]);
/** One of the stable error codes. */
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The error half of every ack and every REST error body. */
export const ApiError = z.object({ code: ErrorCode, message: z.string() });
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
export function fail(code: ErrorCode, message: string): Ack<never> {
  return { ok: false, error: { code, message } };
}

/** Builds the zod schema of an ack around the schema of its data, for clients that validate. */
export function ackSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ApiError }),
  ]);
}
