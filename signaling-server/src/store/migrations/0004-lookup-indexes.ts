import type { Kysely, Migration } from 'kysely';

/**
 * Indexes for lookups that otherwise read every ticket or call ever made: an agent's offer in
 * hand, the call a kiosk or an agent is in, and today's figures of an office.
 */
export const lookupIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    const indexes: [name: string, table: string, columns: string[]][] = [
      ['tickets_offered_agent', 'tickets', ['offered_agent_id', 'status']],
      ['tickets_office_created', 'tickets', ['office_id', 'created_at']],
      ['calls_kiosk', 'calls', ['kiosk_id', 'ended_at']],
      ['calls_agent', 'calls', ['agent_id', 'ended_at']],
      ['calls_office_started', 'calls', ['office_id', 'started_at']],
    ];
    for (const [name, table, columns] of indexes) {
      await db.schema.createIndex(name).on(table).columns(columns).execute();
    }
  },
};
