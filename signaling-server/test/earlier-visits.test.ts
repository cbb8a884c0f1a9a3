import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { applyRetention } from '../src/scheduling/retention-job.js';
import { nextEvent, startServer, type KioskSocket, type TestServer } from './harness.js';
import { callInProgress } from './support/calls.js';

let server: TestServer;
afterEach(() => server.close());

/** A visit served and closed with a note and an outcome; Sari is available again. */
async function servedVisit() {
  const served = await callInProgress(server);
  const { agent, ticketId, callId } = served;
  await agent.emitWithAck('call:record', { ticketId, notes: 'Bawa fotokopi KK.' });
  await agent.emitWithAck('call:end', { callId });
  await agent.emitWithAck('call:record', { ticketId, disposition: 'documents_missing' });
  await agent.emitWithAck('agent:setStatus', { status: 'available' });
  return served;
}

/** The next visitor's ticket at a kiosk, for the first service. */
async function ticketAt(kiosk: KioskSocket) {
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok) throw new Error(boot.error.code);
  const created = await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: boot.data.services[0]!.id,
    language: 'id',
  });
  if (!created.ok) throw new Error(created.error.code);
  return created.data.ticket;
}

const offerLink = (kiosk: KioskSocket, ticketId: string, number: string) =>
  kiosk.emitWithAck('ticket:linkEarlier', { ticketId, number });

describe('a visitor’s earlier visits this day at the same kiosk', () => {
  test('the visitor types their earlier number and the officer sees what came of that visit', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const offered = nextEvent(served.agent, 'offer:new');
    const ticket = await ticketAt(served.kiosk);
    const typed = served.ticketNumber.replace('-', '').toLowerCase();
    expect(await offerLink(served.kiosk, ticket.id, typed)).toEqual({ ok: true, data: null });

    const offer = await offered;
    const answer = await served.agent.emitWithAck('visit:earlier', { ticketId: offer.ticketId });
    expect(answer).toMatchObject({
      ok: true,
      data: {
        visits: [
          {
            ticketId: served.ticketId,
            ticketNumber: served.ticketNumber,
            disposition: 'documents_missing',
            notes: 'Bawa fotokopi KK.',
          },
        ],
      },
    });
    const another = await server.agent(await server.login('petugas2'));
    expect(await another.emitWithAck('visit:earlier', { ticketId: offer.ticketId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const row = await server.db
      .selectFrom('tickets')
      .select(['earlier_ticket_id', 'earlier_consented_at'])
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(row.earlier_ticket_id).toBe(served.ticketId);
    expect(Number(row.earlier_consented_at)).toBeGreaterThan(0);
  });

  test('an officer already ringing with the visitor hears at once that an earlier visit was linked', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const offered = nextEvent(served.agent, 'offer:new');
    const ticket = await ticketAt(served.kiosk);
    expect((await offered).ticketId).toBe(ticket.id);
    const heard = nextEvent(served.agent, 'visit:earlierLinked');
    expect(await offerLink(served.kiosk, ticket.id, served.ticketNumber)).toEqual({
      ok: true,
      data: null,
    });
    expect(await heard).toEqual({ ticketId: ticket.id });
  });

  test('without an offered number the officer sees no earlier visit', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const offered = nextEvent(served.agent, 'offer:new');
    await ticketAt(served.kiosk);
    const offer = await offered;
    expect(await served.agent.emitWithAck('visit:earlier', { ticketId: offer.ticketId })).toEqual({
      ok: true,
      data: { visits: [] },
    });
  });

  test('an unknown number, the current ticket and a live ticket of another kiosk are refused', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const ticket = await ticketAt(served.kiosk);
    expect(await offerLink(served.kiosk, ticket.id, 'Z-999')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await offerLink(served.kiosk, ticket.id, ticket.number)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    const other = await server.kiosk(await server.enrolKiosk());
    const waiting = await ticketAt(other);
    expect(await offerLink(other, waiting.id, ticket.number)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test('another kiosk’s ticket and yesterday’s ticket are not found', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const other = await server.kiosk(await server.enrolKiosk());
    const elsewhere = await ticketAt(other);
    expect(await offerLink(other, elsewhere.id, served.ticketNumber)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    const here = await ticketAt(served.kiosk);
    await server.db
      .updateTable('tickets')
      .set({ created_at: Date.now() - 2 * 24 * 3_600_000 })
      .where('id', '=', served.ticketId)
      .execute();
    expect(await offerLink(served.kiosk, here.id, served.ticketNumber)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test('after three wrong numbers even the right one is refused, so numbers cannot be guessed', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const ticket = await ticketAt(served.kiosk);
    for (const wrong of ['Z-001', 'Z-002', 'Z-003']) {
      expect(await offerLink(served.kiosk, ticket.id, wrong)).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(await offerLink(served.kiosk, ticket.id, served.ticketNumber)).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
  });

  test('the link and its consent go with the visit’s other data once the retention has passed', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const ticket = await ticketAt(served.kiosk);
    await offerLink(served.kiosk, ticket.id, served.ticketNumber);
    await server.db
      .updateTable('tickets')
      .set({ status: 'done', updated_at: 0 })
      .where('id', '=', ticket.id)
      .execute();
    expect(await applyRetention(server.app.ctx)).toMatchObject({ earlierLinks: 1 });
    const row = await server.db
      .selectFrom('tickets')
      .select(['earlier_ticket_id', 'earlier_consented_at'])
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ earlier_ticket_id: null, earlier_consented_at: null });
  });
});
