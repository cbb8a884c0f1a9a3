import type { Migration } from 'kysely';
import { initial } from './0001-initial.js';

/** Every migration, in order; names sort the way they must run. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
};
