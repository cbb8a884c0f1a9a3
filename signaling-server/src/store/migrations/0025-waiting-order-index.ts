import type { Kysely, Migration } from 'kysely';

/**
 * The waiting queue in serving order, per office and priority class. A ticket's place and wait
 * count the tickets ahead of it by range reads of this index alone (it holds every column the
 * count groups by), and dispatch reads only the head of each class, so neither reads the rows of
 * a long queue.
 */
export const waitingOrderIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('tickets_waiting_order')
      .on('tickets')
      .columns([
        'office_id',
        'status',
        'priority',
        'queued_at',
        'id',
        'service_id',
        'language',
        'needs',
        'assigned_agent_id',
      ])
      .execute();
  },
};
