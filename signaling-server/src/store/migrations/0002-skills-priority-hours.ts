import type { Kysely, Migration } from 'kysely';

/**
 * Agent skills (services, sign language), ticket needs and priority, missed offers, handle-time
 * averages, office hours and channels, and the call-back queue.
 */
export const skillsPriorityHours: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('users')
      .addColumn('sign_language', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('user_services')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
      .addPrimaryKeyConstraint('user_services_pk', ['user_id', 'service_id'])
      .execute();
    for (const column of [
      (t: ReturnType<Kysely<unknown>['schema']['alterTable']>) =>
        t.addColumn('sign_language', 'integer', (c) => c.notNull().defaultTo(0)),
      (t: ReturnType<Kysely<unknown>['schema']['alterTable']>) =>
        t.addColumn('needs', 'text', (c) => c.notNull().defaultTo('')),
      (t: ReturnType<Kysely<unknown>['schema']['alterTable']>) =>
        t.addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal')),
      (t: ReturnType<Kysely<unknown>['schema']['alterTable']>) =>
        t.addColumn('assigned_agent_id', 'text', (c) => c.references('users.id')),
    ]) {
      await column(db.schema.alterTable('tickets')).execute();
    }
    await db.schema
      .alterTable('agents')
      .addColumn('missed_offers', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('services').addColumn('avg_handle_ms', 'bigint').execute();
    await db.schema.alterTable('offices').addColumn('hours', 'text').execute();
    await db.schema
      .alterTable('offices')
      .addColumn('channels', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .createTable('callbacks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
      .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('closed_at', 'bigint')
      .addColumn('closed_by', 'text', (c) => c.references('users.id'))
      .addColumn('outcome', 'text')
      .addUniqueConstraint('callbacks_kiosk_client', ['kiosk_id', 'client_id'])
      .execute();
    await db.schema
      .createIndex('callbacks_office_status')
      .on('callbacks')
      .columns(['office_id', 'status', 'created_at'])
      .execute();
  },
};
