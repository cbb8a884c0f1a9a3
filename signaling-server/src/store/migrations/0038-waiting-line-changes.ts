import type { Kysely, Migration } from 'kysely';

/**
 * What each version of an office's waiting line changed (see `store/waiting-line.ts`): an
 * instance whose line another instance moved on applies the changes since its version, where it
 * read the whole line again, as long as the line was, on every change. Written only by instances
 * that share their store with others, and kept for the latest versions only.
 */
export const waitingLineChanges: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('waiting_line_changes')
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('waiting_line_changes_pk', ['office_id', 'version'])
      .execute();
  },
};
