import type { Kysely, Migration } from 'kysely';

/**
 * The officer's record of a call: notes (personal data, erased with the visit's summary) and the
 * outcome picked at wrap-up; and each office's own list of outcomes (null: the default list, as
 * for the survey's elements, so that every office, however created, has one).
 */
export const callRecords: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('calls').addColumn('notes', 'text').execute();
    await db.schema.alterTable('calls').addColumn('disposition', 'text').execute();
    await db.schema.alterTable('offices').addColumn('dispositions', 'text').execute();
  },
};
