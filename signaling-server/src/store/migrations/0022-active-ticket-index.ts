import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A kiosk's active ticket is looked up on every bootstrap, ticket request and grace timer. The
 * unique (kiosk, client id) index finds the kiosk but then reads every ticket it ever issued; this
 * partial index holds only tickets still in play, so the lookup reads at most a row or two however
 * long the kiosk has been in use. Its condition is the lookup's own status list, which both
 * SQLite and PostgreSQL need to see before they use a partial index.
 */
export const activeTicketIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('tickets_kiosk_active')
      .on('tickets')
      .columns(['kiosk_id', 'created_at'])
      .where(sql.ref('status'), 'in', ['waiting', 'offered', 'in_call'])
      .execute();
  },
};
