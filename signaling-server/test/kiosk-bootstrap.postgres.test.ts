import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness.js';
import { officeOnBreak } from './support/office-on-break.js';
import { testDialect } from './test-database.js';

// As for consoles (agent-bootstrap.postgres.test.ts): a kiosk's bootstrap must never arrive after
// an event newer than its snapshot. The test holds the bootstrap half-way with a table lock while
// the kiosk's ticket is offered to an officer who just went available.
let server: TestServer;
afterEach(() => server.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a kiosk bootstrap answered after its ticket was offered already shows the offer', async () => {
  expect(testDialect).toBe('postgres');
  server = await startServer();
  const kiosk = await server.kiosk();
  const first = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!first.ok || !first.data.services[0]) throw new Error('no service');
  const agent = await server.agent(await server.login('petugas1'));
  // Signed in but on a break: tickets are taken, and wait.
  await agent.emitWithAck('agent:setStatus', { status: 'away' });
  const created = await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: first.data.services[0].id,
    language: 'id',
  });
  if (!created.ok) throw new Error(created.error.code);
  expect(created.data.ticket.status).toBe('waiting');
  const heard: string[] = [];
  kiosk.on('ticket:updated', (ticket) => heard.push(`ticket:updated ${ticket.status}`));

  let boot: Awaited<ReturnType<typeof kiosk.emitWithAck<'kiosk:bootstrap'>>> | undefined;
  await server.db.transaction().execute(async (trx) => {
    // The bootstrap stops at the kiosk's row it reads, after reading the ticket.
    await sql`lock table kiosks in access exclusive mode`.execute(trx);
    void kiosk.emitWithAck('kiosk:bootstrap', {}).then((answer) => {
      heard.push('bootstrap answer');
      boot = answer;
    });
    await sleep(300);
    expect(await agent.emitWithAck('agent:setStatus', { status: 'available' })).toMatchObject({
      ok: true,
    });
    // The commit releases the bootstrap; it and the offer then finish in whatever order the
    // server allows.
    await sleep(300);
  });
  await expect
    .poll(() => boot !== undefined && heard.includes('ticket:updated offered'))
    .toBe(true);

  if (!boot?.ok) throw new Error('bootstrap refused');
  const answeredAfterOffer =
    heard.indexOf('bootstrap answer') > heard.indexOf('ticket:updated offered');
  expect(boot.data.ticket?.status).toBe(answeredAfterOffer ? 'offered' : 'waiting');
});

test('a kiosk bootstrap that waited for a change to its waiting ticket counts its place after that change', async () => {
  expect(testDialect).toBe('postgres');
  server = await startServer();
  const office = await officeOnBreak(server);
  const second = await server.kiosk(await server.enrolKiosk());
  expect(await second.emitWithAck('kiosk:bootstrap', {})).toMatchObject({ ok: true });
  const ahead = await office.take();
  const mine = await office.take(second);
  expect(mine.position).toBe(2);

  let answer: Awaited<ReturnType<typeof second.emitWithAck<'kiosk:bootstrap'>>> | undefined;
  // As another instance would: one transaction takes the ticket ahead out of the line and
  // touches this kiosk's ticket, which the bootstrap then waits for.
  await server.db.transaction().execute(async (trx) => {
    await sql`select id from tickets where id = ${mine.id} for update`.execute(trx);
    // Not the socket's first bootstrap: it reads the kiosk's standing and ticket anew.
    void second.emitWithAck('kiosk:bootstrap', {}).then((reply) => (answer = reply));
    await sleep(300);
    expect(answer).toBeUndefined();
    await sql`update tickets set status = 'cancelled' where id = ${ahead.id}`.execute(trx);
    await sql`update tickets set updated_at = updated_at + 1 where id = ${mine.id}`.execute(trx);
    await sql`update waiting_line_versions set version = version + 1 where office_id = ${server.officeId}`.execute(
      trx,
    );
  });
  await expect.poll(() => answer).toBeDefined();
  if (!answer?.ok) throw new Error('bootstrap refused');
  expect(answer.data.ticket).toMatchObject({ id: mine.id, status: 'waiting', position: 1 });
});
