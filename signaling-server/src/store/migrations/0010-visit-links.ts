import type { Kysely, Migration } from 'kysely';

/**
 * The secret of each ticket's phone link, with which a visitor follows their visit away from the
 * kiosk. It is kept as issued, not hashed: a kiosk that reloads mid-visit must show the same link
 * again, and it reveals only a ticket number and its place in the queue while the visit lasts.
 */
export const visitLinks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tickets').addColumn('visit_token', 'text').execute();
    await db.schema
      .createIndex('tickets_visit_token')
      .unique()
      .on('tickets')
      .column('visit_token')
      .execute();
  },
};
