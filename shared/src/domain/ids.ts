import { z } from 'zod';

/** Server-made identifiers are opaque strings of bounded length. */
export const Id = z.string().min(1).max(64);
/** An opaque identifier. */
export type Id = z.infer<typeof Id>;

/** Milliseconds since the Unix epoch. */
export const EpochMs = z.number().int().nonnegative();
/** Milliseconds since the Unix epoch. */
export type EpochMs = z.infer<typeof EpochMs>;
