import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { applyRetention } from '../src/scheduling/retention-job.js';
import { nextEvent, startServer, type TestServer } from './harness.js';
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

async function nextTicket(served: Awaited<ReturnType<typeof servedVisit>>, earlier?: string) {
  const boot = await served.kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok) throw new Error(boot.error.code);
  const offered = nextEvent(served.agent, 'offer:new');
  // A refused ticket is never offered: only the tests that wait for the offer see it fail.
  offered.catch(() => undefined);
  const created = await served.kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: boot.data.services[0]!.id,
    language: 'id',
    ...(earlier ? { earlierTicketId: earlier } : {}),
  });
  return { created, offered };
}

describe('a visitor’s earlier visits this day at the same kiosk', () => {
  test('the kiosk asks about its last served ticket; with a yes the officer sees what came of it', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    expect(await served.kiosk.emitWithAck('ticket:earlier', {})).toEqual({
      ok: true,
      data: { earlier: { ticketId: served.ticketId, number: served.ticketNumber } },
    });

    const { created, offered } = await nextTicket(served, served.ticketId);
    expect(created).toMatchObject({ ok: true });
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
  });

  test('without a yes nothing is linked and the officer sees no earlier visit', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const { created, offered } = await nextTicket(served);
    expect(created).toMatchObject({ ok: true });
    const offer = await offered;
    expect(await served.agent.emitWithAck('visit:earlier', { ticketId: offer.ticketId })).toEqual({
      ok: true,
      data: { visits: [] },
    });
  });

  test('a ticket other than the one the kiosk asked about is refused and no ticket is made', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const { created } = await nextTicket(served, 'not-a-ticket-here');
    expect(created).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const waiting = await server.db
      .selectFrom('tickets')
      .select('id')
      .where('status', '!=', 'done')
      .execute();
    expect(waiting).toEqual([]);
  });

  test('the link goes with the visit’s other data once the office’s retention has passed', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const served = await servedVisit();
    const { offered } = await nextTicket(served, served.ticketId);
    const { ticketId } = await offered;
    await server.db
      .updateTable('tickets')
      .set({ status: 'done', updated_at: 0 })
      .where('id', '=', ticketId)
      .execute();
    expect(await applyRetention(server.app.ctx)).toMatchObject({ earlierLinks: 1 });
    const row = await server.db
      .selectFrom('tickets')
      .select('earlier_ticket_id')
      .where('id', '=', ticketId)
      .executeTakeFirstOrThrow();
    expect(row.earlier_ticket_id).toBeNull();
  });
});
