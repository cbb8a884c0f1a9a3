import { z } from 'zod';

/**
 * The version of a record as the administrator last saw it; a change made from an older version
 * is refused CHANGED_ELSEWHERE, so two administrators never overwrite each other silently.
 */
export const RecordVersion = z.number().int().positive();
