import { sql, type Kysely, type Migration } from 'kysely';

/**
 * What a visitor takes home: the secret of each ticket's summary link (kept as issued, like the
 * phone link of 0010, so that the kiosk's thank-you screen can show it again after a reload), the
 * officer's note to the visitor, each service's checklist of requirements (a JSON array of
 * `{ id, en }`), and how many days an office keeps a summary readable after the visit.
 */
export const visitSummaries: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tickets').addColumn('summary_token', 'text').execute();
    await db.schema.alterTable('tickets').addColumn('visitor_note', 'text').execute();
    await db.schema
      .createIndex('tickets_summary_token')
      .unique()
      .on('tickets')
      .column('summary_token')
      .execute();
    await db.schema
      .alterTable('services')
      .addColumn('requirements', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
      .execute();
    await db.schema
      .alterTable('offices')
      .addColumn('summary_retention_days', 'integer', (c) => c.notNull().defaultTo(30))
      .execute();
  },
};
