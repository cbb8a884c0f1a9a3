import type { Kysely, Migration } from 'kysely';

/**
 * People and kiosks are edited by administrators in the console: each record carries a version
 * that every change advances (two administrators cannot overwrite each other silently); a person
 * can be deactivated rather than deleted (what they did stays attributed) and can be made to
 * choose a new password at their next sign-in.
 */
export const adminPeople: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('users')
      .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('users').addColumn('deactivated_at', 'bigint').execute();
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('kiosks')
      .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
      .execute();
  },
};
