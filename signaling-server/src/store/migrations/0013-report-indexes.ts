import type { Kysely, Migration } from 'kysely';

/**
 * Reports cut by officer find each ticket's last call (its officer) by ticket and start time: with
 * the officer in the index, that join reads no call rows.
 */
export const reportIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('calls_ticket_started')
      .on('calls')
      .columns(['ticket_id', 'started_at', 'agent_id'])
      .execute();
  },
};
