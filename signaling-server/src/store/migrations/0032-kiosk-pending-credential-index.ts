import type { Kysely, Migration } from 'kysely';

/**
 * Every kiosk handshake looks its credential up as either the current or the pending one, and a
 * kiosk reconnecting presents the pending one it was handed last. Without an index on it, each
 * handshake read every kiosk of every office, which a whole office reconnecting after a restart
 * pays a thousand times over.
 */
export const kioskPendingCredentialIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('kiosks_pending_token_hash')
      .on('kiosks')
      .column('pending_token_hash')
      .execute();
  },
};
