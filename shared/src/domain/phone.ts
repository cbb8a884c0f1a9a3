import { z } from 'zod';

/**
 * Indonesian mobile or landline number as typed (spaces, dashes allowed), normalised to `+62…`.
 */
export const IndonesianPhone = z
  .string()
  .trim()
  .transform((raw) => raw.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\+62|62|0)[1-9][0-9]{7,12}$/, 'not an Indonesian phone number'))
  .transform((digits) => `+62${digits.replace(/^(\+62|62|0)/, '')}`);
