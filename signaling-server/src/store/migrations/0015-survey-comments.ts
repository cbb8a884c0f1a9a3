import type { Kysely, Migration } from 'kysely';

/**
 * A visitor's own words with the survey, which are personal data: the comment, when the retention
 * job erased it, and how long each office keeps comments (null: the default).
 */
export const surveyComments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('surveys').addColumn('comment', 'text').execute();
    await db.schema.alterTable('surveys').addColumn('comment_erased_at', 'bigint').execute();
    await db.schema.alterTable('offices').addColumn('comment_retention_days', 'integer').execute();
  },
};
