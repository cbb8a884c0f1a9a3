import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { BUMP } from './0005-skills-version.js';

type OldUser = { id: string; languages: string; sign_language: number };

/**
 * Agents' skills become one set of names per agent (`agent_skills`): the services they served
 * (`service:<id>`), the languages they spoke (`language:<code>`) and signing (`bisindo`), so a new
 * skill is a new name, not a new column. Tickets keep sign language among their declared needs
 * (`sign_language`), from which routing derives the skills they require.
 */
export const skillsAsData: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('agent_skills')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('skill', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('agent_skills_pk', ['user_id', 'skill'])
      .execute();

    const { rows: users } = await sql<OldUser>`
      select id, languages, sign_language from users`.execute(db);
    const { rows: services } = await sql<{ user_id: string; service_id: string }>`
      select user_id, service_id from user_services`.execute(db);
    const skills = [
      ...services.map((row) => ({ user_id: row.user_id, skill: `service:${row.service_id}` })),
      ...users.flatMap((user) => [
        ...user.languages
          .split(',')
          .map((code) => code.trim())
          .filter(Boolean)
          .map((code) => ({ user_id: user.id, skill: `language:${code}` })),
        ...(user.sign_language === 1 ? [{ user_id: user.id, skill: 'bisindo' }] : []),
      ]),
    ];
    for (const row of skills) {
      await sql`insert into agent_skills (user_id, skill) values (${row.user_id}, ${row.skill})
        on conflict do nothing`.execute(db);
    }

    // Sign language goes first, where the list of needs has it.
    await sql`update tickets
      set needs = case when needs = '' then 'sign_language' else 'sign_language,' || needs end
      where sign_language = 1`.execute(db);

    for (let index = 1; index <= 6; index++) {
      const on = index <= 3 ? 'users' : 'user_services';
      await sql
        .raw(`drop trigger skills_changed_${index}${postgres ? ` on ${on}` : ''}`)
        .execute(db);
    }
    if (postgres) await sql`drop trigger skills_changed_truncate on user_services`.execute(db);
    await db.schema.dropTable('user_services').execute();
    await db.schema.alterTable('users').dropColumn('languages').execute();
    await db.schema.alterTable('users').dropColumn('sign_language').execute();
    await db.schema.alterTable('tickets').dropColumn('sign_language').execute();

    for (const event of ['insert', 'update', 'delete']) {
      const body = postgres
        ? 'for each statement execute function bump_skills_version()'
        : `begin ${BUMP.sqlite}; end`;
      await sql
        .raw(`create trigger agent_skills_changed_${event} after ${event} on agent_skills ${body}`)
        .execute(db);
    }
    if (postgres) {
      await sql`create trigger agent_skills_changed_truncate after truncate on agent_skills
        for each statement execute function bump_skills_version()`.execute(db);
    }
    // Skills moved: whatever a server holds in memory is read again.
    await sql.raw(postgres ? BUMP.postgres : BUMP.sqlite).execute(db);
  },
};
