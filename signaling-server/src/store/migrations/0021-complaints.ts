import type { Kysely, Migration } from 'kysely';

/**
 * Visitors' complaints (from a survey comment or an officer's note) and their way to SP4N-LAPOR!:
 * who forwarded each, the tracking id LAPOR! gave it, when, and its three working-day deadlines
 * as computed on that day; the next retry when LAPOR! could not be reached, and LAPOR!'s reason
 * when it refused. The text is personal data: erased after the office's comment retention.
 */
export const complaints: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('complaints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('text', 'text')
      .addColumn('text_erased_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('forwarded_by', 'text', (c) => c.references('users.id'))
      .addColumn('tracking_id', 'text')
      .addColumn('forwarded_at', 'bigint')
      .addColumn('verification_due', 'text')
      .addColumn('follow_up_due', 'text')
      .addColumn('completion_due', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint')
      .addColumn('rejection', 'text')
      .addUniqueConstraint('complaints_ticket_source', ['ticket_id', 'source'])
      .execute();
    await db.schema
      .createIndex('complaints_office_status')
      .on('complaints')
      .columns(['office_id', 'status'])
      .execute();
  },
};
