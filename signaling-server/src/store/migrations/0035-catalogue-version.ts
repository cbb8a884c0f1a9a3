import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { BUMP } from './0005-skills-version.js';

/**
 * The columns of `offices` and `services` a kiosk's catalogue is made of (`officeView`,
 * `serviceView` and which services are live, in what order): a write to any other column, such as
 * a service's average call length after every call, leaves the catalogue as it was.
 */
export const CATALOGUE_COLUMNS = {
  offices: [
    'name_id',
    'name_en',
    'channels',
    'survey_elements',
    'callback_retention_days',
    'comment_retention_days',
    'summary_retention_days',
    'brand_color',
    'logo_hash',
    'consent_text_id',
    'consent_text_en',
  ],
  services: [
    'office_id',
    'letter',
    'name_id',
    'name_en',
    'description_id',
    'description_en',
    'icon',
    'sort_order',
    'active',
    'requirements',
  ],
} as const;

const bump = {
  sqlite: BUMP.sqlite.replace('skills_version', 'catalogue_version'),
  postgres: BUMP.postgres.replace('skills_version', 'catalogue_version'),
};

/**
 * A version of every office's catalogue (the office and its live services as kiosks show them)
 * that each change to it moves on. The store keeps it with triggers, as it does the skills'
 * version, so a server may hold catalogues in memory and still see a change made by another
 * instance, a script or by hand. Administrators change catalogues rarely: one version for all
 * offices is enough.
 */
export const catalogueVersion: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('catalogue_version')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into catalogue_version (id, version) values (1, 0)`.execute(db);
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    if (postgres) {
      await sql
        .raw(
          `create function bump_catalogue_version() returns trigger language plpgsql
           as $$ begin ${bump.postgres}; return null; end $$`,
        )
        .execute(db);
    }
    const writes = Object.entries(CATALOGUE_COLUMNS).flatMap(([table, columns]) => [
      [table, 'insert'],
      [table, 'delete'],
      [table, `update of ${columns.join(', ')}`],
      ...(postgres ? [[table, 'truncate']] : []),
    ]);
    for (const [index, [table, event]] of writes.entries()) {
      const name = `catalogue_changed_${index + 1}`;
      const body = postgres
        ? 'for each statement execute function bump_catalogue_version()'
        : `begin ${bump.sqlite}; end`;
      await sql.raw(`create trigger ${name} after ${event} on ${table} ${body}`).execute(db);
    }
  },
};
