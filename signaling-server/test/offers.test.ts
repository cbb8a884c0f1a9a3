import { afterEach, describe, expect, test } from 'vitest';
import { eventWhere, nextEvent, startServer, takeTicket, type TestServer } from './harness.js';

let server: TestServer;
afterEach(() => server.close());

/** An officer at work, whose offers ring `offerTimeoutMs`, rung with a new ticket. */
async function ringingOfficer(offerTimeoutMs: number) {
  server = await startServer({ offerTimeoutMs });
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'available' });
  const offered = nextEvent(agent, 'offer:new');
  const ticket = await takeTicket(await server.kiosk());
  await offered;
  return { agent, ticket };
}

describe('offers', () => {
  test('an unanswered offer expires back to the head of the queue; a second miss in a row sends the agent away', async () => {
    const { agent, ticket } = await ringingOfficer(300);
    const again = nextEvent(agent, 'offer:new', 5000);
    expect(await nextEvent(agent, 'offer:withdrawn')).toEqual({
      ticketId: ticket.id,
      reason: 'expired',
    });
    expect(await again).toMatchObject({ ticketId: ticket.id });
    expect(await nextEvent(agent, 'offer:withdrawn')).toEqual({
      ticketId: ticket.id,
      reason: 'expired',
    });
    await expect
      .poll(
        async () =>
          (await server.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow()).status,
      )
      .toBe('waiting');
    const row = await server.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ queued_at: ticket.createdAt, offered_agent_id: null });
    const boot = await agent.emitWithAck('agent:bootstrap', {});
    expect(boot).toMatchObject({ ok: true, data: { agent: { status: 'away' }, offer: null } });
    const late = await agent.emitWithAck('offer:accept', { ticketId: ticket.id });
    expect(late).toMatchObject({ ok: false, error: { code: 'OFFER_NOT_HELD' } });
  });

  test('an officer sent away for missed offers who comes back is sent away again only after two more misses', async () => {
    server = await startServer({ offerTimeoutMs: 300 });
    const agent = await server.agent(await server.login('petugas1'));
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const kiosk = await server.kiosk();
    const offered = nextEvent(agent, 'offer:new');
    const ticket = await takeTicket(kiosk);
    await offered;
    const away = eventWhere(agent, 'agent:updated', (a) => a.status === 'away', 5000);
    await away;

    // Back at the desk: one miss leaves the officer available and offered the ticket again.
    const reoffered = nextEvent(agent, 'offer:new');
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    expect(await reoffered).toMatchObject({ ticketId: ticket.id });
    const offeredAgain = nextEvent(agent, 'offer:new', 5000);
    expect(await nextEvent(agent, 'offer:withdrawn')).toMatchObject({ reason: 'expired' });
    expect(await offeredAgain).toMatchObject({ ticketId: ticket.id });
    const boot = await agent.emitWithAck('agent:bootstrap', {});
    expect(boot).toMatchObject({ ok: true, data: { agent: { status: 'offered' } } });
  });

  test('an officer sent away for missed offers whom a manager puts back to work is sent away again only after two more misses', async () => {
    server = await startServer({ offerTimeoutMs: 300 });
    const agent = await server.agent(await server.login('petugas1'));
    const ready = await agent.emitWithAck('agent:setStatus', { status: 'available' });
    if (!ready.ok) throw new Error(ready.error.code);
    const manager = await server.manager(await server.login('koordinator'));
    const kiosk = await server.kiosk();
    const offered = nextEvent(agent, 'offer:new');
    const ticket = await takeTicket(kiosk);
    await offered;
    await eventWhere(agent, 'agent:updated', (a) => a.status === 'away', 5000);

    // Put back to work: one miss leaves the officer available and offered the ticket again.
    const reoffered = nextEvent(agent, 'offer:new');
    const back = await manager.emitWithAck('agent:set', {
      agentId: ready.data.agent.id,
      status: 'available',
      reason: 'back at the desk',
    });
    expect(back).toMatchObject({ ok: true });
    expect(await reoffered).toMatchObject({ ticketId: ticket.id });
    const offeredAgain = nextEvent(agent, 'offer:new', 5000);
    expect(await nextEvent(agent, 'offer:withdrawn')).toMatchObject({ reason: 'expired' });
    expect(await offeredAgain).toMatchObject({ ticketId: ticket.id });
  });

  test('an expired ticket keeps its place ahead of a ticket that joined while it rang', async () => {
    server = await startServer({ offerTimeoutMs: 300 });
    const first = await server.agent(await server.login('petugas1'));
    const second = await server.agent(await server.login('petugas2'));
    await first.emitWithAck('agent:setStatus', { status: 'available' });
    const kioskA = await server.kiosk();
    const kioskB = await server.kiosk(await server.enrolKiosk());
    const offeredA = nextEvent(first, 'offer:new');
    const a = await takeTicket(kioskA);
    expect(await offeredA).toMatchObject({ ticketId: a.id });
    const b = await takeTicket(kioskB);
    expect(b.serviceId).toBe(a.serviceId);
    expect(b.createdAt).toBeGreaterThanOrEqual(a.createdAt);

    // One miss leaves the officer available: the next offer is A again, not B.
    const again = nextEvent(first, 'offer:new', 5000);
    expect(await nextEvent(first, 'offer:withdrawn')).toEqual({
      ticketId: a.id,
      reason: 'expired',
    });
    expect(await again).toMatchObject({ ticketId: a.id });

    // A second miss sends the officer away: A waits again, first in line, with B behind it.
    const aWaits = eventWhere(kioskA, 'ticket:updated', (t) => t.status === 'waiting', 5000);
    const bMoves = eventWhere(kioskB, 'ticket:updated', (t) => t.position === 2, 5000);
    expect(await nextEvent(first, 'offer:withdrawn')).toEqual({
      ticketId: a.id,
      reason: 'expired',
    });
    expect(await aWaits).toMatchObject({ id: a.id, position: 1 });
    expect(await bMoves).toMatchObject({ id: b.id, status: 'waiting' });

    // The next officer to come free is offered A.
    const offeredToSecond = nextEvent(second, 'offer:new');
    await second.emitWithAck('agent:setStatus', { status: 'available' });
    expect(await offeredToSecond).toMatchObject({ ticketId: a.id });
  });

  test.each(['offer:decline', 'offer:accept'] as const)(
    'answering an offer (%s) forgets the offer missed before it',
    async (answer) => {
      const { agent, ticket } = await ringingOfficer(300);
      const offeredAgain = nextEvent(agent, 'offer:new', 5000);
      expect(await nextEvent(agent, 'offer:withdrawn')).toMatchObject({ reason: 'expired' });
      await offeredAgain;
      const missed = () =>
        server.db.selectFrom('agents').select('missed_offers').executeTakeFirstOrThrow();
      expect(await missed()).toEqual({ missed_offers: 1 });

      const answered = await agent.emitWithAck(answer, { ticketId: ticket.id });
      expect(answered).toMatchObject({ ok: true });
      expect(await missed()).toEqual({ missed_offers: 0 });
    },
  );

  test('a declined ticket goes at once to the next free agent', async () => {
    server = await startServer();
    const first = await server.agent(await server.login('petugas1'));
    const second = await server.agent(await server.login('petugas2'));
    await first.emitWithAck('agent:setStatus', { status: 'available' });
    const kiosk = await server.kiosk();
    const offered = nextEvent(first, 'offer:new');
    const ticket = await takeTicket(kiosk);
    await offered;
    await second.emitWithAck('agent:setStatus', { status: 'available' });
    const reOffered = nextEvent(second, 'offer:new');
    const declined = await first.emitWithAck('offer:decline', { ticketId: ticket.id });
    expect(declined).toMatchObject({ ok: true, data: { agent: { status: 'available' } } });
    expect(await reOffered).toMatchObject({ ticketId: ticket.id });
  });

  test('an English ticket is offered only to an agent who speaks English', async () => {
    server = await startServer();
    const bilingual = await server.agent(await server.login('petugas1'));
    const indonesianOnly = await server.agent(await server.login('petugas2'));
    await indonesianOnly.emitWithAck('agent:setStatus', { status: 'available' });
    await bilingual.emitWithAck('agent:setStatus', { status: 'available' });
    let wrong = false;
    indonesianOnly.on('offer:new', () => (wrong = true));
    const offered = nextEvent(bilingual, 'offer:new');
    await takeTicket(await server.kiosk(), 'en');
    expect(await offered).toMatchObject({ language: 'en' });
    expect(wrong).toBe(false);
  });

  test('a visitor who cancels while the offer rings withdraws it from the agent', async () => {
    server = await startServer();
    const agent = await server.agent(await server.login('petugas1'));
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const kiosk = await server.kiosk();
    const offered = nextEvent(agent, 'offer:new');
    const ticket = await takeTicket(kiosk);
    await offered;
    const withdrawn = nextEvent(agent, 'offer:withdrawn');
    const freed = nextEvent(agent, 'agent:updated');
    const cancelled = await kiosk.emitWithAck('ticket:cancel', { ticketId: ticket.id });
    expect(cancelled).toMatchObject({ ok: true, data: { ticket: { status: 'cancelled' } } });
    expect(await withdrawn).toEqual({ ticketId: ticket.id, reason: 'cancelled' });
    expect(await freed).toMatchObject({ status: 'available' });
  });

  test('an agent whose console closes with an offer in hand gives the ticket back', async () => {
    server = await startServer();
    const agent = await server.agent(await server.login('petugas1'));
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const offered = nextEvent(agent, 'offer:new');
    await takeTicket(await server.kiosk());
    await offered;
    agent.close();
    await expect
      .poll(
        async () =>
          (await server.db.selectFrom('tickets').select('status').executeTakeFirstOrThrow()).status,
      )
      .toBe('waiting');
    const row = await server.db.selectFrom('agents').select('status').executeTakeFirstOrThrow();
    expect(row.status).toBe('offline');
  });
});

describe('sessions and managers', () => {
  test('signing out closes the console’s open sockets', async () => {
    server = await startServer();
    const cookie = await server.login('petugas1');
    const agent = await server.agent(cookie);
    const closed = new Promise((resolve) => agent.once('disconnect', resolve));
    const response = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(response.status).toBe(204);
    await closed;
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(401);
  });

  test('a signed-in user learns who they are', async () => {
    server = await startServer();
    const cookie = await server.login('koordinator');
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({
      user: { username: 'koordinator', role: 'manager', displayName: 'Dewi Lestari' },
    });
  });
});
