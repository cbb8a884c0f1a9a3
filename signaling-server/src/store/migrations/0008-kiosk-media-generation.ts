import type { Kysely, Migration } from 'kysely';

/**
 * A kiosk's media generation: part of its LiveKit identity, advanced whenever another holder takes
 * the kiosk over (a newer connection replaces a live one, a revocation, a new pairing), so a join
 * token the earlier holder kept names an identity the server no longer accepts.
 */
export const kioskMediaGeneration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('kiosks')
      .addColumn('media_generation', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
