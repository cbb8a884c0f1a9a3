import type { Kysely, Migration } from 'kysely';

/**
 * The visit of the same day at the same kiosk a visitor offered as theirs by its number, when
 * they agreed to it, and how many numbers they tried (to stop guessing). The link and its consent
 * are personal data: the retention job erases them with the visit's other data.
 */
export const earlierVisits: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tickets').addColumn('earlier_ticket_id', 'text').execute();
    await db.schema.alterTable('tickets').addColumn('earlier_consented_at', 'bigint').execute();
    await db.schema
      .alterTable('tickets')
      .addColumn('earlier_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
