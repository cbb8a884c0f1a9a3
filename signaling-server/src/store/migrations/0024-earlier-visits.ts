import type { Kysely, Migration } from 'kysely';

/**
 * The visit of the same day at the same kiosk a visitor said was theirs (null: none, or they did
 * not say). Personal data: the retention job erases the link with the visit's other data.
 */
export const earlierVisits: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tickets').addColumn('earlier_ticket_id', 'text').execute();
  },
};
