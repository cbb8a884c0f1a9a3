import { z } from 'zod';

/**
 * The version of an editable record as the administrator saw it. Every change bumps it, and a
 * change sent with an older one is refused CHANGED_ELSEWHERE, so two administrators never
 * overwrite each other silently.
 */
export const RecordVersion = z.number().int().min(1);
