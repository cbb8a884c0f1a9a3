import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

// A fresh random version, below 2^53 so it reads as a JS number: unlike a counter, a value
// never comes back, not even one a rolled-back change had set.
export const BUMP = {
  sqlite: 'update skills_version set version = abs(random() % 9007199254740992)',
  postgres: 'update skills_version set version = floor(random() * 9007199254740992)::bigint',
};

/** Writes that can change what an agent is skilled to serve: `[table, event]`. */
const SKILL_WRITES = [
  ['users', 'insert'],
  ['users', 'update of languages, sign_language'],
  ['users', 'delete'],
  ['user_services', 'insert'],
  ['user_services', 'update'],
  ['user_services', 'delete'],
] as const;

/**
 * A version of agents' skills that every change to them moves on. The store keeps it with
 * triggers, so a server may hold skills in memory and still see a change made by another
 * instance, a script or by hand: it reads them again when the version moved.
 */
export const skillsVersion: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('skills_version')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into skills_version (id, version) values (1, 0)`.execute(db);
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    if (postgres) {
      await sql
        .raw(
          `create function bump_skills_version() returns trigger language plpgsql
           as $$ begin ${BUMP.postgres}; return null; end $$`,
        )
        .execute(db);
    }
    for (const [index, [table, event]] of SKILL_WRITES.entries()) {
      const name = `skills_changed_${index + 1}`;
      const body = postgres
        ? 'for each statement execute function bump_skills_version()'
        : `begin ${BUMP.sqlite}; end`;
      await sql.raw(`create trigger ${name} after ${event} on ${table} ${body}`).execute(db);
    }
    if (postgres) {
      await sql
        .raw(
          `create trigger skills_changed_truncate after truncate on user_services
           for each statement execute function bump_skills_version()`,
        )
        .execute(db);
    }
  },
};
