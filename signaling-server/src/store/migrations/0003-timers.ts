import type { Kysely, Migration } from 'kysely';

/** Durable timers (wrap-up end, reconnect grace): rows with a due time, swept idempotently. */
export const timers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('timers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('timers_kind_ref', ['kind', 'ref_id'])
      .execute();
    await db.schema.createIndex('timers_due').on('timers').column('due_at').execute();
  },
};
