import type { Kysely, Migration } from 'kysely';

/**
 * The visitors' SKM surveys, one per served visit (its ticket), with the officer and service of
 * the visit for reports; and the elements each office asks in the short form (null: the default).
 */
export const surveys: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('surveys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
      .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('tickets.id'))
      .addColumn('kiosk_id', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('overall', 'integer')
      .addColumn('u1', 'integer')
      .addColumn('u2', 'integer')
      .addColumn('u3', 'integer')
      .addColumn('u4', 'integer')
      .addColumn('u5', 'integer')
      .addColumn('u6', 'integer')
      .addColumn('u7', 'integer')
      .addColumn('u8', 'integer')
      .addColumn('u9', 'integer')
      .execute();
    await db.schema
      .createIndex('surveys_office_created')
      .on('surveys')
      .columns(['office_id', 'created_at'])
      .execute();
    await db.schema.alterTable('offices').addColumn('survey_elements', 'text').execute();
  },
};
