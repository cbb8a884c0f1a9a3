import type { Kysely, Migration } from 'kysely';

/**
 * Kiosk credentials that rotate and can be revoked, and one-time pairing codes: a kiosk holds
 * its current credential and the one it was last handed (pending); using the pending one retires
 * the current. A pairing code is kept only as its hash, until used or expired.
 */
export const kioskCredentials: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('kiosks').addColumn('pending_token_hash', 'text').execute();
    await db.schema.alterTable('kiosks').addColumn('revoked_at', 'bigint').execute();
    await db.schema
      .createIndex('kiosks_pending_token')
      .on('kiosks')
      .column('pending_token_hash')
      .execute();
    await db.schema.createIndex('kiosks_revoked').on('kiosks').column('revoked_at').execute();
    await db.schema
      .createTable('kiosk_pairings')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('kiosk_pairings_kiosk')
      .on('kiosk_pairings')
      .column('kiosk_id')
      .execute();
  },
};
