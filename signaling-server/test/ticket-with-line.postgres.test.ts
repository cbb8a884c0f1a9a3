import { sql } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { findTicketWithLine, insertTicket } from '../src/store/repositories/tickets.js';
import { bumpLineVersion } from '../src/store/repositories/waiting-line.js';
import { ticketRow } from './support/ticket-row.js';
import { demoOfficeId, openDemoDatabase, testDialect, type TestDatabase } from './test-database.js';

// The statement locks the ticket's row: only PostgreSQL answers it after waiting for a change.
let store: TestDatabase;
beforeEach(async () => {
  expect(testDialect).toBe('postgres');
  store = await openDemoDatabase();
});
afterEach(() => store.dispose());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a ticket read after waiting for a change to it is told apart from the line version read before', async () => {
  const { db } = store;
  const officeId = await demoOfficeId(db);
  const kiosk = await db.selectFrom('kiosks').select('id').executeTakeFirstOrThrow();
  const service = await db.selectFrom('services').select('id').executeTakeFirstOrThrow();
  await insertTicket(
    db,
    ticketRow({
      office_id: officeId,
      service_id: service.id,
      kiosk_id: kiosk.id,
      id: 't',
      queued_at: 1,
    }),
  );
  const version = await bumpLineVersion(db, officeId);
  let read: Awaited<ReturnType<typeof findTicketWithLine>> | 'pending' = 'pending';
  await db.transaction().execute(async (trx) => {
    await sql`update tickets set priority = 'transfer' where id = 't'`.execute(trx);
    await bumpLineVersion(trx, officeId);
    void findTicketWithLine(db, kiosk.id).then((answer) => (read = answer));
    await sleep(300);
    expect(read).toBe('pending');
  });
  await expect.poll(() => read).not.toBe('pending');
  expect(read).toMatchObject({
    ticket: { id: 't', priority: 'transfer' },
    lineVersion: version,
    sameMoment: false,
  });
  expect(await findTicketWithLine(db, kiosk.id)).toMatchObject({
    lineVersion: version + 1,
    sameMoment: true,
  });
});
