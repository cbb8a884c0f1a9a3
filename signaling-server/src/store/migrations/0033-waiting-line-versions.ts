import type { Kysely, Migration } from 'kysely';

/**
 * A version of each office's waiting line, moved on by every transaction that changes it (see
 * `queue/waiting-line.ts`): a server may keep the line in memory and still see a change another
 * instance made. A table of its own, so that taking its row never waits on an edit of the office.
 */
export const waitingLineVersions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('waiting_line_versions')
      .addColumn('office_id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
  },
};
