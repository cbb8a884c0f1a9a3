import { z } from 'zod';
import { Id } from './ids.js';
import { LocalizedText } from './language.js';

/** A service the office offers at its kiosks (e.g. PPID, complaints, job placement). */
export const ServiceView = z.object({
  id: Id,
  /** Letter that prefixes its ticket numbers, e.g. `B` in `B-014`. */
  letter: z.string().regex(/^[A-Z]$/),
  name: LocalizedText,
  description: LocalizedText,
  /** Name of the pictogram shown on its tile. */
  icon: z.string().min(1).max(32),
});
/** A service as kiosks and consoles show it. */
export type ServiceView = z.infer<typeof ServiceView>;

/** The office a kiosk stands in. */
export const OfficeView = z.object({ id: Id, name: LocalizedText });
/** The office a kiosk stands in. */
export type OfficeView = z.infer<typeof OfficeView>;
