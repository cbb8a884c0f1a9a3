import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openEmptyStore, type ChildStore } from '../../../test/support/history-store.js';
import { testDialect } from '../../../test/test-database.js';
import { migrateToLatest } from '../database.js';
import { readSkillsVersion } from '../repositories/agents.js';
import { migrations } from './index.js';

let store: ChildStore;
beforeEach(async () => {
  store = await openEmptyStore(testDialect);
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
  });
  const { error } = await migrator.migrateTo('0005-skills-version');
  if (error) throw error;
});
afterEach(() => store.dispose());

/** Rows as the store held them before skills were data. */
async function seedBefore() {
  const db = store.db;
  await sql`insert into offices (id, name_id, name_en, time_zone, created_at, hours, channels)
    values ('o', 'Kantor', 'Office', 'Asia/Jakarta', 1, null, '[]')`.execute(db);
  for (const [id, letter] of [
    ['s-a', 'A'],
    ['s-b', 'B'],
  ]) {
    await sql`insert into services (id, office_id, letter, name_id, name_en, description_id,
      description_en, icon, sort_order, active) values (${id}, 'o', ${letter}, 'x', 'x', '', '',
      'info', 0, 1)`.execute(db);
  }
  for (const [id, languages, signs] of [
    ['sari', 'id,en', 1],
    ['budi', 'id', 0],
    ['dewi', '', 0],
  ] as const) {
    await sql`insert into users (id, office_id, username, display_name, role, password_hash,
      languages, sign_language, created_at) values (${id}, 'o', ${id}, ${id}, 'agent', 'x',
      ${languages}, ${signs}, 1)`.execute(db);
  }
  await sql`insert into user_services (user_id, service_id)
    values ('sari', 's-a'), ('sari', 's-b'), ('budi', 's-a')`.execute(db);
  await sql`insert into kiosks (id, office_id, name, token_hash, created_at)
    values ('k', 'o', 'k', 'h', 1)`.execute(db);
  for (const [id, signs, needs] of [
    ['t-1', 1, 'elderly'],
    ['t-2', 1, ''],
    ['t-3', 0, 'pregnant'],
  ] as const) {
    await sql`insert into tickets (id, office_id, service_id, kiosk_id, client_id, number,
      language, status, created_at, queued_at, updated_at, sign_language, needs, priority)
      values (${id}, 'o', 's-a', 'k', ${id}, ${id}, 'id', 'waiting', 1, 1, 1, ${signs}, ${needs},
      'normal')`.execute(db);
  }
}

test('an office’s skills and signing tickets move to skills and needs as data', async () => {
  await seedBefore();
  const before = await readSkillsVersion(store.db);

  await migrateToLatest(store.db);

  const skills = await store.db
    .selectFrom('agent_skills')
    .select(['user_id', 'skill'])
    .orderBy('user_id')
    .orderBy('skill')
    .execute();
  expect(skills).toEqual([
    { user_id: 'budi', skill: 'language:id' },
    { user_id: 'budi', skill: 'service:s-a' },
    { user_id: 'sari', skill: 'bisindo' },
    { user_id: 'sari', skill: 'language:en' },
    { user_id: 'sari', skill: 'language:id' },
    { user_id: 'sari', skill: 'service:s-a' },
    { user_id: 'sari', skill: 'service:s-b' },
  ]);
  const tickets = await store.db
    .selectFrom('tickets')
    .select(['id', 'needs'])
    .orderBy('id')
    .execute();
  expect(tickets).toEqual([
    { id: 't-1', needs: 'sign_language,elderly' },
    { id: 't-2', needs: 'sign_language' },
    { id: 't-3', needs: 'pregnant' },
  ]);
  expect(await readSkillsVersion(store.db)).not.toBe(before);
});

test('a change to an agent’s skills moves the skills version on', async () => {
  await seedBefore();
  await migrateToLatest(store.db);
  const versions = [await readSkillsVersion(store.db)];
  await store.db
    .insertInto('agent_skills')
    .values({ user_id: 'budi', skill: 'captions' })
    .execute();
  versions.push(await readSkillsVersion(store.db));
  await store.db
    .updateTable('agent_skills')
    .set({ skill: 'service:s-b' })
    .where('user_id', '=', 'budi')
    .where('skill', '=', 'service:s-a')
    .execute();
  versions.push(await readSkillsVersion(store.db));
  await store.db.deleteFrom('agent_skills').where('user_id', '=', 'budi').execute();
  versions.push(await readSkillsVersion(store.db));
  expect(new Set(versions).size).toBe(4);
});
