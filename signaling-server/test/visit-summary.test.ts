import { restRoutes, VISITOR_NOTE_MAX, VisitSummary } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { nextEvent, startServer, type TestServer } from './harness.js';
import { officeOnBreak } from './support/office-on-break.js';

let server: TestServer;
afterEach(() => server.close());

const DAY_MS = 24 * 60 * 60 * 1000;

async function setUp(options: Parameters<typeof startServer>[0] = {}) {
  server = await startServer(options);
  const { agent, take } = await officeOnBreak(server);
  /** A served visit: the officer answers the kiosk's ticket and ends the call. */
  const serve = async () => {
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const offered = nextEvent(agent, 'offer:new');
    const ticket = await take();
    const accepted = await agent.emitWithAck('offer:accept', {
      ticketId: (await offered).ticketId,
    });
    if (!accepted.ok) throw new Error(accepted.error.code);
    await agent.emitWithAck('call:end', { callId: accepted.data.call.callId });
    return ticket;
  };
  return { agent, take, serve };
}

async function summaryOf(token: string | null) {
  const response = await fetch(`${server.url}${restRoutes.visitSummary.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ token }),
  });
  return { code: response.status, body: (await response.json()) as unknown };
}

describe('the summary a visitor takes home', () => {
  test('shows the officer still writing, then their note, with the service’s checklist', async () => {
    const { agent, serve } = await setUp();
    const ticket = await serve();
    const before = VisitSummary.parse((await summaryOf(ticket.summaryToken)).body);
    expect(before).toMatchObject({
      number: ticket.number,
      officerFirstName: 'Sari',
      note: null,
      service: { en: 'Public information (PPID)' },
    });
    expect(before.requirements[0]).toEqual({ id: 'KTP asli', en: 'Your identity card (KTP)' });
    expect(before.availableUntil).toBeGreaterThan(Date.now() + 29 * DAY_MS);

    const note = 'Bawa fotokopi KTP ke loket 3 besok pagi.';
    expect(await agent.emitWithAck('visit:note', { ticketId: ticket.id, note })).toEqual({
      ok: true,
      data: null,
    });
    expect((await summaryOf(ticket.summaryToken)).body).toMatchObject({ note });
  });

  test('a console reloaded in wrap-up learns the visit it may still write its note to', async () => {
    const { serve } = await setUp({ wrapUpMs: 60_000 });
    const ticket = await serve();
    const again = await server.agent(await server.login('petugas1'));
    const boot = await again.emitWithAck('agent:bootstrap', {});
    if (!boot.ok) throw new Error(boot.error.code);
    expect(boot.data.agent.status).toBe('wrap_up');
    expect(boot.data.lastServed).toEqual({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      notes: null,
      disposition: null,
    });
  });

  test('a visit not served yet has no summary, and a link nobody was given is not found', async () => {
    const { take } = await setUp();
    const waiting = await take();
    expect((await summaryOf(waiting.summaryToken)).code).toBe(404);
    expect((await summaryOf('x'.repeat(43))).code).toBe(404);
    expect((await summaryOf('short')).code).toBe(400);
  });

  test('a summary is gone once the office’s retention period has passed', async () => {
    const { serve } = await setUp();
    const ticket = await serve();
    await server.db
      .updateTable('offices')
      .set({ summary_retention_days: 1 })
      .where('id', '=', server.officeId)
      .execute();
    await server.db
      .updateTable('tickets')
      .set({ updated_at: Date.now() - DAY_MS - 1000 })
      .where('id', '=', ticket.id)
      .execute();
    expect(await summaryOf(ticket.summaryToken)).toMatchObject({
      code: 410,
      body: { error: { code: 'GONE' } },
    });
  });

  test('a note that is too long, for a visit still under way, or for another officer’s visit is refused', async () => {
    const { agent, serve, take } = await setUp();
    const ticket = await serve();
    expect(
      await agent.emitWithAck('visit:note', {
        ticketId: ticket.id,
        note: 'x'.repeat(VISITOR_NOTE_MAX + 1),
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    await agent.emitWithAck('agent:setStatus', { status: 'away' });
    const waiting = await take();
    expect(
      await agent.emitWithAck('visit:note', { ticketId: waiting.id, note: 'Halo' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const other = await server.agent(await server.login('petugas2'));
    expect(
      await other.emitWithAck('visit:note', { ticketId: ticket.id, note: 'Bukan pasien saya' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await summaryOf(ticket.summaryToken)).body).toMatchObject({ note: null });
  });
});
