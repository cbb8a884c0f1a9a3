import { z } from 'zod';
import { Id } from './ids.js';
import { IndonesianPhone } from './phone.js';

/** How long a call-back number is kept after the call-back is closed, unless the office sets it. */
export const DEFAULT_CALLBACK_RETENTION_DAYS = 30;

/** How long a visitor's survey comment is kept after it was given, unless the office sets it. */
export const DEFAULT_COMMENT_RETENTION_DAYS = 90;

/** Longest an office may keep personal data: a year, then it is no longer "as long as needed". */
export const MAX_RETENTION_DAYS = 365;

/**
 * How long an office keeps the personal data it holds, as the kiosk tells visitors before they
 * agree (UU 27/2022 on personal data protection).
 */
export const Retention = z.object({
  /** Days a call-back number is kept once the call-back is closed. */
  callbackDays: z.number().int().min(1).max(MAX_RETENTION_DAYS),
  /** Days a survey comment is kept once it was given. */
  commentDays: z.number().int().min(1).max(MAX_RETENTION_DAYS),
  /** Days a visit's summary (with the officer's note to the visitor) stays, from the visit's end. */
  summaryDays: z.number().int().min(1).max(MAX_RETENTION_DAYS),
});
/** How long an office keeps personal data. */
export type Retention = z.infer<typeof Retention>;

/** Whose personal data an administrator looks for: one phone number, as the person gives it. */
export const PhoneLookup = z.object({ phone: IndonesianPhone });
/** Whose personal data an administrator looks for. */
export type PhoneLookup = z.input<typeof PhoneLookup>;

/** One call-back request that holds (or held) the number looked for. */
export const HeldCallback = z.object({
  id: Id,
  serviceId: Id,
  createdAt: z.number().int(),
  status: z.enum(['open', 'closed']),
  /** When the number was erased; null while it is kept. */
  erasedAt: z.number().int().nullable(),
});
/** One call-back request that holds the number looked for. */
export type HeldCallback = z.infer<typeof HeldCallback>;

/** The personal data the office holds for one phone number: its call-back requests. */
export const HeldData = z.object({ callbacks: z.array(HeldCallback) });
/** The personal data the office holds for one phone number. */
export type HeldData = z.infer<typeof HeldData>;

/** How many call-back requests had the number erased. */
export const ErasedData = z.object({ erased: z.number().int().nonnegative() });
/** How many call-back requests had the number erased. */
export type ErasedData = z.infer<typeof ErasedData>;
