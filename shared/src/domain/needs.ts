import { z } from 'zod';
import type { NEED_LIST } from './need-list.js';
import { NEED_IDS } from './need-rules.js';

/** A need the visitor declared (see {@link NEED_LIST}). */
export type Need = (typeof NEED_LIST)[number]['id'];

/** A need the visitor declared. */
export const Need = z.enum(NEED_IDS);

/** The needs of one visitor: each at most once. */
export const Needs = z
  .array(Need)
  .max(NEED_IDS.length)
  .refine((needs) => new Set(needs).size === needs.length, 'each need at most once');
