import type { TicketStatus } from '@loket/shared';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { insertKiosk } from '../src/store/repositories/kiosks.js';
import { findTicketWithLine, insertTicket } from '../src/store/repositories/tickets.js';
import { bumpLineVersion } from '../src/store/repositories/waiting-line.js';
import { ticketRow } from './support/ticket-row.js';
import { demoOfficeId, openDemoDatabase, testDialect, type TestDatabase } from './test-database.js';

let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(() => store.dispose());

test(`a kiosk's active ticket is read beside its office's line version (${testDialect})`, async () => {
  const { db } = store;
  const officeId = await demoOfficeId(db);
  const kiosk = await db.selectFrom('kiosks').select('id').executeTakeFirstOrThrow();
  const service = await db.selectFrom('services').select('id').executeTakeFirstOrThrow();
  expect(await findTicketWithLine(db, kiosk.id)).toBeUndefined();
  const fields = { office_id: officeId, service_id: service.id, kiosk_id: kiosk.id };
  await insertTicket(db, ticketRow({ ...fields, id: 'served', queued_at: 1, status: 'done' }));
  await insertTicket(db, ticketRow({ ...fields, id: 'waiting', queued_at: 2 }));
  const before = await findTicketWithLine(db, kiosk.id);
  expect(before).toMatchObject({ ticket: { id: 'waiting', status: 'waiting' }, sameMoment: true });
  const moved = await bumpLineVersion(db, officeId);
  await bumpLineVersion(db, officeId);
  expect(await findTicketWithLine(db, kiosk.id)).toMatchObject({
    ticket: { id: 'waiting' },
    lineVersion: moved + 1,
    sameMoment: true,
  });
  expect(moved).toBe(before!.lineVersion + 1);
});

test(`kiosks asking together are each answered their own active ticket (${testDialect})`, async () => {
  const { db } = store;
  const officeId = await demoOfficeId(db);
  const service = await db.selectFrom('services').select('id').executeTakeFirstOrThrow();
  const kiosks = Array.from({ length: 6 }, (_, i) => `kiosk-${i}`);
  for (const id of kiosks) {
    await insertKiosk(db, {
      id,
      office_id: officeId,
      name: id,
      token_hash: id,
      created_at: 1,
      last_seen_at: null,
    });
  }
  const ticket = (kiosk: string, id: string, queued_at: number, status: TicketStatus = 'waiting') =>
    insertTicket(
      db,
      ticketRow({
        office_id: officeId,
        service_id: service.id,
        kiosk_id: kiosk,
        id,
        queued_at,
        status,
      }),
    );
  await ticket('kiosk-0', 'a', 1);
  await ticket('kiosk-2', 'b-old', 1, 'done');
  await ticket('kiosk-2', 'b', 2);
  await ticket('kiosk-3', 'c', 3);
  const answers = await Promise.all(kiosks.map((kiosk) => findTicketWithLine(db, kiosk)));
  expect(answers.map((answer) => answer?.ticket.id ?? null)).toEqual([
    'a',
    null,
    'b',
    'c',
    null,
    null,
  ]);
});
