import type { Kysely, Migration } from 'kysely';

/**
 * Two indexes held the same column (`kiosks_pending_token` from 0007 and
 * `kiosks_pending_token_hash` from 0032), so every credential handed to a kiosk on connecting
 * was written to two indexes. The handshake's lookup is served by either; the first goes.
 */
export const onePendingCredentialIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('kiosks_pending_token').execute();
  },
};
