import { z } from 'zod';

/**
 * A one-time pairing code as staff type it: eight letters and digits, with or without the dash
 * and spaces it is shown with, in either case.
 */
export const PairingCode = z
  .string()
  .max(32)
  .transform((code) => code.toUpperCase().replace(/[^A-Z0-9]/g, ''))
  .pipe(z.string().length(8));

/** `POST /api/kiosk/pair` body. */
export const PairKioskBody = z.object({ code: PairingCode });
/** `POST /api/kiosk/pair` body. */
export type PairKioskBody = z.input<typeof PairKioskBody>;

/** A kiosk's credential: a secret it keeps in its own storage and shows nobody. */
export const KioskCredential = z.object({ credential: z.string().min(16).max(256) });
/** A kiosk's credential. */
export type KioskCredential = z.infer<typeof KioskCredential>;
