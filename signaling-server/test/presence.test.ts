import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { nextEvent, startServer, type KioskSocket, type TestServer } from './harness.js';
import { callInProgress } from './support/calls.js';

let server: TestServer;
afterEach(() => server.close());

/** The kiosk, holding a ticket for the office's first service. */
async function kioskWithTicket() {
  const kiosk = await server.kiosk();
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok || !boot.data.services[0]) throw new Error('no bootstrap');
  await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: boot.data.services[0].id,
    language: 'id',
  });
  return kiosk;
}

/** A kiosk holding a waiting ticket, with its only agent signed in but on a break. */
async function waitingTicket() {
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'away' });
  return kioskWithTicket();
}

/** A Deaf visitor asks the kiosk for a ticket to `serviceId`. */
const signingTicket = (kiosk: KioskSocket, serviceId: string) =>
  kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId,
    language: 'id',
    needs: ['sign_language'],
  });

const statusOf = async (table: 'tickets' | 'agents') =>
  (await server.db.selectFrom(table).select('status').executeTakeFirstOrThrow()).status;

describe('wrap-up', () => {
  test('after a call the agent wraps up, then is available again when the wrap-up time ends', async () => {
    server = await startServer({ wrapUpMs: 400 });
    const { agent, callId } = await callInProgress(server);
    const wrapping = nextEvent(agent, 'agent:updated');
    await agent.emitWithAck('call:end', { callId });
    expect(await wrapping).toMatchObject({ status: 'wrap_up' });
    expect(await nextEvent(agent, 'agent:updated')).toMatchObject({ status: 'available' });
  });

  test('an agent whose console closed during wrap-up is not made available when it ends', async () => {
    server = await startServer({ wrapUpMs: 400 });
    const { agent, callId } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    agent.disconnect();
    await expect.poll(() => statusOf('agents'), { timeout: 3000 }).toBe('offline');
    // Past the wrap-up time it stays offline: nobody is there to take the next visitor.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await statusOf('agents')).toBe('offline');
  });

  test('a signing officer whose console closed during wrap-up is not promised to a Deaf visitor', async () => {
    server = await startServer({ wrapUpMs: 60_000, reconnectGraceMs: 60_000 });
    const { agent, kiosk, callId } = await callInProgress(server);
    const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
    if (!boot.ok || !boot.data.services[0]) throw new Error('no bootstrap');
    const query = {
      serviceId: boot.data.services[0].id,
      language: 'id' as const,
      needs: ['sign_language' as const],
    };
    await agent.emitWithAck('call:end', { callId });
    expect(await statusOf('agents')).toBe('wrap_up');
    expect(await kiosk.emitWithAck('service:availability', query)).toMatchObject({
      ok: true,
      data: { available: true, onDuty: ['sign_language'] },
    });

    agent.close();
    await expect
      .poll(async () => kiosk.emitWithAck('service:availability', query))
      .toMatchObject({ ok: true, data: { available: false, reason: 'no_agent', onDuty: [] } });
  });

  test('a signing officer whose console closes during wrap-up goes offline at once, so a Deaf visitor cannot queue for them', async () => {
    server = await startServer({ wrapUpMs: 60_000, reconnectGraceMs: 60_000 });
    const { agent, kiosk, callId, ticket } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    expect(await statusOf('agents')).toBe('wrap_up');

    agent.close();
    await expect.poll(() => statusOf('agents')).toBe('offline');
    expect(await signingTicket(kiosk, ticket.serviceId)).toMatchObject({
      ok: false,
      error: { code: 'NO_AGENT_AVAILABLE' },
    });
  });

  test('a signing officer whose console closed mid-call goes offline, not to wrap-up, when the visitor hangs up', async () => {
    server = await startServer({ wrapUpMs: 60_000, reconnectGraceMs: 60_000 });
    const { agent, kiosk, callId, ticket } = await callInProgress(server);
    agent.close();
    await expect
      .poll(() => server.db.selectFrom('timers').select('kind').execute())
      .toEqual([{ kind: 'agent_grace' }]);

    expect(await kiosk.emitWithAck('call:end', { callId })).toMatchObject({ ok: true });
    expect(await statusOf('agents')).toBe('offline');
    expect(await signingTicket(kiosk, ticket.serviceId)).toMatchObject({
      ok: false,
      error: { code: 'NO_AGENT_AVAILABLE' },
    });
  });

  test('an agent may end wrap-up early by going available', async () => {
    server = await startServer({ wrapUpMs: 60_000 });
    const { agent, callId } = await callInProgress(server);
    await agent.emitWithAck('call:end', { callId });
    const result = await agent.emitWithAck('agent:setStatus', { status: 'available' });
    expect(result).toMatchObject({ ok: true, data: { agent: { status: 'available' } } });
    expect(await server.db.selectFrom('timers').selectAll().execute()).toEqual([]);
  });
});

describe('reconnect grace', () => {
  test('a kiosk that comes back within the grace keeps its waiting ticket', async () => {
    server = await startServer({ reconnectGraceMs: 500 });
    const kiosk = await waitingTicket();
    kiosk.close();
    await expect
      .poll(async () => (await server.db.selectFrom('timers').selectAll().execute()).length)
      .toBe(1);
    const back = await server.kiosk();
    await expect
      .poll(async () => (await server.db.selectFrom('timers').selectAll().execute()).length)
      .toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await statusOf('tickets')).toBe('waiting');
    expect(await back.emitWithAck('kiosk:bootstrap', {})).toMatchObject({
      ok: true,
      data: { ticket: { status: 'waiting' } },
    });
  });

  test('a kiosk gone past the grace abandons its waiting ticket, with the reason recorded', async () => {
    server = await startServer({ reconnectGraceMs: 300 });
    const kiosk = await waitingTicket();
    kiosk.close();
    await expect.poll(() => statusOf('tickets'), { timeout: 3000 }).toBe('abandoned');
    const audit = await server.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'ticket.abandoned')
      .execute();
    expect(audit).toHaveLength(1);
  });

  test('a kiosk gone past the grace mid-call ends the call and the agent is told why', async () => {
    server = await startServer({ reconnectGraceMs: 300, wrapUpMs: 60_000 });
    const { agent, kiosk, callId } = await callInProgress(server);
    const ended = nextEvent(agent, 'call:ended', 3000);
    kiosk.close();
    expect(await ended).toEqual({ callId, reason: 'connection_lost' });
    expect(await statusOf('tickets')).toBe('abandoned');
    expect(await statusOf('agents')).toBe('wrap_up');
  });

  test('a console gone past the grace mid-call puts the visitor back at the front of the queue', async () => {
    server = await startServer({ reconnectGraceMs: 300 });
    const { agent, kiosk, callId, ticket } = await callInProgress(server);
    const ended = nextEvent(kiosk, 'call:ended', 3000);
    agent.close();
    expect(await ended).toEqual({ callId, reason: 'connection_lost' });
    await expect.poll(() => statusOf('agents')).toBe('offline');
    const row = await server.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'waiting',
      priority: 'transfer',
      queued_at: ticket.createdAt,
    });
  });

  test('a console opened a second time takes over: the first is told why and closed, and the call stays', async () => {
    server = await startServer({ reconnectGraceMs: 500 });
    const cookie = await server.login('petugas1');
    const { agent: first, callId } = await callInProgress(server);
    const replaced = nextEvent(first, 'agent:replaced');
    const closed = new Promise<string>((resolve) => first.once('disconnect', resolve));
    const second = await server.agent(cookie);
    await replaced;
    expect(await closed).toBe('io server disconnect');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await second.emitWithAck('agent:bootstrap', {})).toMatchObject({
      ok: true,
      data: { agent: { status: 'busy' }, call: { callId } },
    });
  });

  test('only the newest console of an officer hears the offer it rings with', async () => {
    server = await startServer();
    const cookie = await server.login('petugas1');
    const first = await server.agent(cookie);
    const closed = new Promise<string>((resolve) => first.once('disconnect', resolve));
    const heardByFirst: unknown[] = [];
    first.on('offer:new', (offer) => heardByFirst.push(offer));
    const second = await server.agent(cookie);
    await closed;
    await second.emitWithAck('agent:setStatus', { status: 'available' });
    const offer = nextEvent(second, 'offer:new');
    await kioskWithTicket();
    expect(await offer).toMatchObject({ ticketNumber: expect.any(String) });
    expect(heardByFirst).toEqual([]);
    expect(first.connected).toBe(false);
  });

  test('a console that reloads mid-call keeps its call', async () => {
    server = await startServer({ reconnectGraceMs: 500 });
    const cookie = await server.login('petugas1');
    const { agent, callId } = await callInProgress(server);
    agent.close();
    const back = await server.agent(cookie);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await back.emitWithAck('agent:bootstrap', {})).toMatchObject({
      ok: true,
      data: { agent: { status: 'busy' }, call: { callId } },
    });
  });
});
