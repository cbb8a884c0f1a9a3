import type { Kysely, Migration } from 'kysely';

/**
 * What the administration screens edit carries a version, bumped by every change, so that a
 * change made from an older reading is refused rather than overwriting another one. The office's
 * hours have their own, so saving the office's name does not refuse a schedule being edited.
 * A service also names the skills its tickets require beyond the service itself.
 */
export const adminVersions: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ['version', 'hours_version']) {
      await db.schema
        .alterTable('offices')
        .addColumn(column, 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    }
    await db.schema
      .alterTable('services')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable('services')
      .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },
};
