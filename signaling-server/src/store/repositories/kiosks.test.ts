import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  demoOfficeId,
  openDemoDatabase,
  testDialect,
  type TestDatabase,
} from '../../../test/test-database.js';
import type { Db } from '../database.js';
import { ticketRow } from '../../../test/support/ticket-row.js';
import {
  findKioskByCredential,
  findKioskStanding,
  insertKiosk,
  writeKioskArrivals,
} from './kiosks.js';
import { insertTicket } from './tickets.js';

let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(() => store.dispose());

/** Two kiosks of the demo office, holding current credentials `c1`/`c2` and pending `p1`/`p2`. */
async function twoKiosks(db: Db): Promise<string[]> {
  const officeId = await demoOfficeId(db);
  const ids = ['kiosk-a', 'kiosk-b'];
  for (const [i, id] of ids.entries()) {
    await insertKiosk(db, {
      id,
      office_id: officeId,
      name: id,
      token_hash: `c${i + 1}`,
      created_at: 1,
      last_seen_at: null,
    });
    await db
      .updateTable('kiosks')
      .set({ pending_token_hash: `p${i + 1}` })
      .where('id', '=', id)
      .execute();
  }
  return ids;
}

const credentials = (db: Db) =>
  db
    .selectFrom('kiosks')
    .select(['id', 'token_hash', 'pending_token_hash', 'last_seen_at'])
    .where('id', 'in', ['kiosk-a', 'kiosk-b'])
    .orderBy('id')
    .execute();

describe(`kiosk arrivals (${testDialect})`, () => {
  test('hand each kiosk its next credential, and make current the pending one it presented', async () => {
    const [a, b] = await twoKiosks(store.db);
    await writeKioskArrivals(
      store.db,
      [
        { id: a!, tokenHash: 'n1', presentedPending: 'p1' },
        { id: b!, tokenHash: 'n2', presentedPending: null },
      ],
      5_000,
    );
    expect(await credentials(store.db)).toEqual([
      { id: a, token_hash: 'p1', pending_token_hash: 'n1', last_seen_at: 5_000 },
      { id: b, token_hash: 'c2', pending_token_hash: 'n2', last_seen_at: 5_000 },
    ]);
  });

  test('leave the current credential when the pending one presented was replaced meanwhile', async () => {
    const [a] = await twoKiosks(store.db);
    await writeKioskArrivals(store.db, [{ id: a!, tokenHash: 'n1', presentedPending: 'old' }], 7);
    expect((await credentials(store.db))[0]).toMatchObject({
      token_hash: 'c1',
      pending_token_hash: 'n1',
    });
  });

  test("read each kiosk's standing as they leave it, the same as reading it alone", async () => {
    const [a, b] = await twoKiosks(store.db);
    const officeId = await demoOfficeId(store.db);
    const service = await store.db
      .selectFrom('services')
      .select('id')
      .where('office_id', '=', officeId)
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('kiosks')
      .set({ out_of_service_at: 123 })
      .where('id', '=', a!)
      .execute();
    await insertTicket(
      store.db,
      ticketRow({
        id: 't-b',
        office_id: officeId,
        service_id: service.id,
        kiosk_id: b!,
        queued_at: 9,
      }),
    );
    const standings = await writeKioskArrivals(
      store.db,
      [
        { id: a!, tokenHash: 'n1', presentedPending: null },
        { id: b!, tokenHash: 'n2', presentedPending: null },
        { id: 'no-such-kiosk', tokenHash: 'n3', presentedPending: null },
      ],
      5_000,
    );
    expect(standings.get(a!)).toEqual(await findKioskStanding(store.db, a!));
    expect(standings.get(a!)).toMatchObject({ out_of_service_at: 123, ticket_status: null });
    expect(standings.get(b!)).toEqual(await findKioskStanding(store.db, b!));
    expect(standings.get(b!)).toMatchObject({ out_of_service_at: null, ticket_status: 'waiting' });
    expect(standings.get(a!)!.catalogue_version).not.toBeNull();
    expect(standings.has('no-such-kiosk')).toBe(false);
  });
});

describe(`finding a kiosk by its credential (${testDialect})`, () => {
  test('a credential naming its kiosk is checked against that kiosk only, current or pending', async () => {
    const [a, b] = await twoKiosks(store.db);

    const asked = await Promise.all([
      findKioskByCredential(store.db, 'c1', a!),
      findKioskByCredential(store.db, 'p2', b!),
      findKioskByCredential(store.db, 'c1', b!),
      findKioskByCredential(store.db, 'c1', 'no-such-kiosk'),
    ]);

    expect(asked.map((holder) => holder && [holder.id, holder.pending])).toEqual([
      [a, false],
      [b, true],
      undefined,
      undefined,
    ]);
  });

  test('a credential naming no kiosk is found by its hash, and a revoked kiosk by neither', async () => {
    const [a, b] = await twoKiosks(store.db);
    await store.db.updateTable('kiosks').set({ revoked_at: 5 }).where('id', '=', b!).execute();

    const asked = await Promise.all([
      findKioskByCredential(store.db, 'p1', null),
      findKioskByCredential(store.db, 'c2', null),
      findKioskByCredential(store.db, 'c2', b!),
      findKioskByCredential(store.db, 'unknown', null),
    ]);

    expect(asked.map((holder) => holder && [holder.id, holder.pending])).toEqual([
      [a, true],
      undefined,
      undefined,
      undefined,
    ]);
  });
});
