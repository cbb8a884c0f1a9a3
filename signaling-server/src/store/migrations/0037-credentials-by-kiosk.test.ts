import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openEmptyStore, type ChildStore } from '../../../test/support/history-store.js';
import { testDialect } from '../../../test/test-database.js';
import { migrations } from './index.js';

let store: ChildStore;
let migrator: Migrator;
beforeEach(async () => {
  store = await openEmptyStore(testDialect);
  migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo('0036-one-pending-credential-index');
  if (error) throw error;
});
afterEach(() => store.dispose());

test(`kiosks keep every column and every reference to them when their credential indexes go (${testDialect})`, async () => {
  const db = store.db;
  await sql`insert into offices (id, name_id, name_en, time_zone, created_at, hours, channels)
    values ('o', 'Kantor', 'Office', 'Asia/Jakarta', 1, null, '[]')`.execute(db);
  await sql`insert into services (id, office_id, letter, name_id, name_en, description_id,
    description_en, icon, sort_order, active) values ('s', 'o', 'A', 'x', 'x', '', '', 'info', 0, 1)`.execute(
    db,
  );
  await sql`insert into kiosks (id, office_id, name, token_hash, created_at, last_seen_at,
    pending_token_hash, revoked_at, media_generation, health, health_at, out_of_service_at, version)
    values ('k', 'o', 'Lobi', 'c', 1, 2, 'p', null, 3, '{}', 4, 5, 6)`.execute(db);
  await sql`insert into tickets (id, office_id, service_id, kiosk_id, client_id, number, language,
    status, created_at, queued_at, updated_at, needs, priority)
    values ('t', 'o', 's', 'k', 't', 'A-001', 'id', 'waiting', 1, 1, 1, '', 'normal')`.execute(db);
  const before = await sql`select * from kiosks`.execute(db);

  const { error } = await migrator.migrateTo('0037-credentials-by-kiosk');

  expect(error).toBeUndefined();
  expect((await sql`select * from kiosks`.execute(db)).rows).toEqual(before.rows);
  // Credentials are no longer unique by index, and references to kiosks still hold.
  await sql`insert into kiosks (id, office_id, name, token_hash, created_at)
    values ('k2', 'o', 'Lobi 2', 'c', 1)`.execute(db);
  await expect(
    sql`insert into tickets (id, office_id, service_id, kiosk_id, client_id, number, language,
      status, created_at, queued_at, updated_at, needs, priority)
      values ('t2', 'o', 's', 'gone', 't2', 'A-002', 'id', 'waiting', 1, 1, 1, '', 'normal')`.execute(
      db,
    ),
  ).rejects.toThrow();
  await expect(sql`delete from kiosks where id = 'k'`.execute(db)).rejects.toThrow();
});
