import { z } from 'zod';

/** Languages a visitor can be served in; Bahasa Indonesia is the default everywhere. */
export const Language = z.enum(['id', 'en']);
/** A service language. */
export type Language = z.infer<typeof Language>;

/** Text given in every service language. */
export const LocalizedText = z.object({ id: z.string().min(1), en: z.string().min(1) });
/** Text given in every service language. */
export type LocalizedText = z.infer<typeof LocalizedText>;
