import type { Kysely, Migration } from 'kysely';

/**
 * The office's outcomes and quick replies carry versions of their own, as its hours do: a change
 * made from an older reading is refused rather than overwriting another administrator's.
 */
export const listVersions: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ['dispositions_version', 'quick_replies_version']) {
      await db.schema
        .alterTable('offices')
        .addColumn(column, 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    }
  },
};
