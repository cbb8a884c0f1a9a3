import type { Kysely, Migration } from 'kysely';

/**
 * Personal data kept only as long as needed (UU 27/2022): how long each office keeps a call-back
 * number after the call-back is closed (null: the default), how long the visitor was told when
 * they agreed, and when it was erased (by the retention job or on the person's request); and when
 * the visitor agreed to the kiosk's consent screen for each ticket.
 */
export const retention: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('offices').addColumn('callback_retention_days', 'integer').execute();
    await db.schema.alterTable('callbacks').addColumn('kept_days', 'integer').execute();
    await db.schema.alterTable('callbacks').addColumn('erased_at', 'bigint').execute();
    await db.schema.alterTable('tickets').addColumn('consented_at', 'bigint').execute();
    await db.schema.createIndex('callbacks_phone').on('callbacks').column('phone').execute();
    await db.schema
      .createIndex('callbacks_closed')
      .on('callbacks')
      .columns(['office_id', 'closed_at'])
      .execute();
  },
};
