import { randomUUID } from 'node:crypto';
import type { QueueDelta } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import {
  eventWhere,
  nextEvent,
  queueState,
  startServer,
  type ManagerSocket,
  type TestServer,
} from './harness.js';

let server: TestServer;
afterEach(() => server.close());

/** Collects deltas until one satisfies `done`. */
function deltaWhere(manager: ManagerSocket, done: (d: QueueDelta) => boolean, ms = 4000) {
  return new Promise<QueueDelta>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching delta')), ms);
    const listener = (delta: QueueDelta) => {
      if (!done(delta)) return;
      clearTimeout(timer);
      manager.off('queue:changed', listener);
      resolve(delta);
    };
    manager.on('queue:changed', listener);
  });
}

async function setUp() {
  server = await startServer();
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'away' });
  const manager = await server.manager(await server.login('koordinator'));
  const kiosk = await server.kiosk();
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok || !boot.data.services[0]) throw new Error('no bootstrap');
  const serviceId = boot.data.services[0].id;
  const take = async (k = kiosk, needs: ('elderly' | 'pregnant')[] = []) => {
    const created = await k.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId,
      language: 'id',
      needs,
    });
    if (!created.ok) throw new Error(created.error.code);
    return created.data.ticket;
  };
  const agentId = (
    await server.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'petugas1')
      .executeTakeFirstOrThrow()
  ).id;
  return { agent, manager, kiosk, take, agentId };
}

describe('the manager’s live queue', () => {
  test('a numbered snapshot, then deltas that carry each change', async () => {
    const { manager, take } = await setUp();
    const snapshot = await manager.emitWithAck('queue:snapshot', {});
    if (!snapshot.ok) throw new Error(snapshot.error.code);
    expect(snapshot.data.counters).toMatchObject({
      waiting: 0,
      serviceLevelTargetMs: 20_000,
      serviceLevelGoal: 0.8,
    });
    const arrived = deltaWhere(manager, (d) => d.tickets.length > 0);
    const ticket = await take();
    const delta = await arrived;
    expect(delta.seq).toBeGreaterThan(snapshot.data.seq);
    expect(delta.tickets).toMatchObject([
      { id: ticket.id, number: ticket.number, status: 'waiting' },
    ]);
    expect(delta.counters.waiting).toBe(1);
  });

  test('a call that ends leaves the live queue at once', async () => {
    const { manager, take, agent, kiosk } = await setUp();
    await manager.emitWithAck('queue:snapshot', {});
    const offered = nextEvent(agent, 'offer:new');
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const ticket = await take();
    await offered;
    const inCall = deltaWhere(manager, (d) =>
      d.tickets.some((t) => t.id === ticket.id && t.status === 'in_call'),
    );
    const accepted = await agent.emitWithAck('offer:accept', { ticketId: ticket.id });
    if (!accepted.ok) throw new Error(accepted.error.code);
    await inCall;
    const gone = deltaWhere(manager, (d) => d.removedTicketIds.includes(ticket.id));
    const ended = await kiosk.emitWithAck('call:end', { callId: accepted.data.call.callId });
    expect(ended.ok).toBe(true);
    await gone;
  });

  test('a dashboard opened during a call sees that call leave when it ends', async () => {
    const { manager, take, agent, kiosk } = await setUp();
    manager.disconnect();
    const offered = nextEvent(agent, 'offer:new');
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const ticket = await take();
    await offered;
    const accepted = await agent.emitWithAck('offer:accept', { ticketId: ticket.id });
    if (!accepted.ok) throw new Error(accepted.error.code);
    // Nobody watched the office while the call started.
    const late = await server.manager(await server.login('koordinator'));
    const snapshot = await late.emitWithAck('queue:snapshot', {});
    if (!snapshot.ok) throw new Error(snapshot.error.code);
    expect(snapshot.data.tickets).toMatchObject([{ id: ticket.id, status: 'in_call' }]);
    const gone = deltaWhere(late, (d) => d.removedTicketIds.includes(ticket.id));
    await kiosk.emitWithAck('call:end', { callId: accepted.data.call.callId });
    expect((await gone).seq).toBe(snapshot.data.seq + 1);
  });

  test('a reconnecting dashboard gets exactly the deltas it missed', async () => {
    const { manager, take, kiosk } = await setUp();
    const first = deltaWhere(manager, (d) => d.tickets.length > 0);
    const ticket = await take();
    const seen = await first;
    manager.close();
    const watcher = await server.manager(await server.login('koordinator'));
    const gone = deltaWhere(watcher, (d) => d.removedTicketIds.includes(ticket.id));
    await kiosk.emitWithAck('ticket:cancel', { ticketId: ticket.id });
    const removal = await gone;
    const caughtUp = await watcher.emitWithAck('queue:since', { seq: seen.seq });
    expect(caughtUp).toMatchObject({ ok: true, data: { kind: 'deltas' } });
    if (!caughtUp.ok || caughtUp.data.kind !== 'deltas') return;
    expect(caughtUp.data.deltas.map((d) => d.seq)).toContain(removal.seq);
    expect(caughtUp.data.deltas.every((d) => d.seq > seen.seq)).toBe(true);
    const future = await watcher.emitWithAck('queue:since', { seq: removal.seq + 100 });
    expect(future).toMatchObject({ ok: true, data: { kind: 'snapshot' } });
  });
});

describe('manager commands', () => {
  test('prioritising moves a ticket to the front and is audited with who and why', async () => {
    const { manager, take } = await setUp();
    const second = await server.kiosk(await server.enrolKiosk());
    await take();
    const later = await take(second);
    const moved = eventWhere(second, 'ticket:updated', (t) => t.position === 1);
    const result = await manager.emitWithAck('ticket:prioritise', {
      ticketId: later.id,
      reason: 'kursi roda',
    });
    expect(result).toEqual({ ok: true, data: null });
    expect(await moved).toMatchObject({ id: later.id, position: 1 });
    const audit = await server.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'ticket.prioritised')
      .executeTakeFirstOrThrow();
    expect(audit.actor_type).toBe('user');
    expect(JSON.parse(audit.details)).toEqual({ reason: 'kursi roda' });
  });

  test('assigning a ticket offers it only to the named agent', async () => {
    const { manager, take, agentId } = await setUp();
    const other = await server.agent(await server.login('petugas2'));
    await other.emitWithAck('agent:setStatus', { status: 'away' });
    const ticket = await take();
    expect(
      await manager.emitWithAck('ticket:assign', {
        ticketId: ticket.id,
        agentId,
        reason: 'lanjutan',
      }),
    ).toEqual({ ok: true, data: null });
    let wrong = false;
    other.on('offer:new', () => (wrong = true));
    await other.emitWithAck('agent:setStatus', { status: 'available' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(wrong).toBe(false);
    const named = await server.agent(await server.login('petugas1'));
    const offered = nextEvent(named, 'offer:new');
    await named.emitWithAck('agent:setStatus', { status: 'available' });
    expect(await offered).toMatchObject({ ticketId: ticket.id });
  });

  test('cancelling a waiting ticket tells its kiosk', async () => {
    const { manager, take, kiosk } = await setUp();
    const ticket = await take();
    const told = eventWhere(kiosk, 'ticket:updated', (t) => t.status === 'cancelled');
    expect(
      await manager.emitWithAck('ticket:cancel', { ticketId: ticket.id, reason: 'duplikat' }),
    ).toEqual({ ok: true, data: null });
    expect(await told).toMatchObject({ id: ticket.id, status: 'cancelled' });
  });

  test('setting an agent away is told to their console', async () => {
    const { manager, agent, agentId } = await setUp();
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const told = nextEvent(agent, 'agent:updated');
    expect(
      await manager.emitWithAck('agent:set', {
        agentId,
        status: 'away',
        reason: 'meninggalkan meja',
      }),
    ).toEqual({ ok: true, data: null });
    expect(await told).toMatchObject({ status: 'away' });
  });

  test('a message reaches every kiosk of the office', async () => {
    const { manager, kiosk } = await setUp();
    const heard = nextEvent(kiosk, 'office:message');
    const text = { id: 'Layanan tutup pukul 15.00 hari ini', en: 'Service closes at 15:00 today' };
    expect(await manager.emitWithAck('kiosks:message', { text })).toEqual({ ok: true, data: null });
    expect(await heard).toMatchObject({ text });
  });

  test.each([
    {
      name: 'prioritising a ticket that is being served',
      event: 'ticket:prioritise',
      code: 'INVALID_STATE',
    },
    {
      name: 'cancelling a ticket that is being served',
      event: 'ticket:cancel',
      code: 'INVALID_STATE',
    },
  ] as const)('$name is refused and changes nothing', async ({ event, code }) => {
    const { manager, take, agent } = await setUp();
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const offered = nextEvent(agent, 'offer:new');
    const ticket = await take();
    await agent.emitWithAck('offer:accept', { ticketId: (await offered).ticketId });
    const before = await queueState(server.db);
    const result = await manager.emitWithAck(event, { ticketId: ticket.id, reason: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await queueState(server.db)).toEqual(before);
  });

  test('an agent cannot send manager commands, and a manager command with no reason is refused', async () => {
    const { manager, agent, take } = await setUp();
    const ticket = await take();
    const before = await queueState(server.db);
    const asAgent = await (
      agent as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }
    ).emitWithAck('ticket:prioritise', { ticketId: ticket.id, reason: 'saya' });
    expect(asAgent).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noReason = await manager.emitWithAck('ticket:prioritise', {
      ticketId: ticket.id,
      reason: ' ',
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await queueState(server.db)).toEqual(before);
  });
});

describe('transfers and call-backs', () => {
  test('a transfer puts the visitor at the front of another service, for another officer', async () => {
    const { agent, take, kiosk } = await setUp();
    const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
    if (!boot.ok) throw new Error(boot.error.code);
    const target = boot.data.services[1]!.id;
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    const offered = nextEvent(agent, 'offer:new');
    const ticket = await take();
    const accepted = await agent.emitWithAck('offer:accept', {
      ticketId: (await offered).ticketId,
    });
    if (!accepted.ok) throw new Error(accepted.error.code);
    const ended = nextEvent(kiosk, 'call:ended');
    const other = await server.agent(await server.login('petugas2'));
    const reOffered = nextEvent(other, 'offer:new');
    await other.emitWithAck('agent:setStatus', { status: 'available' });
    const result = await agent.emitWithAck('call:transfer', {
      callId: accepted.data.call.callId,
      serviceId: target,
    });
    expect(result).toEqual({ ok: true, data: null });
    expect(await ended).toEqual({ callId: accepted.data.call.callId, reason: 'transferred' });
    expect(await reOffered).toMatchObject({ ticketId: ticket.id, service: { id: target } });
    const again = await agent.emitWithAck('call:transfer', {
      callId: accepted.data.call.callId,
      serviceId: target,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
  });

  test('agents see open call-backs and close each once', async () => {
    const { agent, kiosk } = await setUp();
    const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
    if (!boot.ok) throw new Error(boot.error.code);
    await kiosk.emitWithAck('callback:request', {
      clientId: randomUUID(),
      serviceId: boot.data.services[0]!.id,
      language: 'id',
      phone: '081234567890',
      consent: true,
    });
    const list = await agent.emitWithAck('callback:list', {});
    expect(list).toMatchObject({ ok: true, data: { callbacks: [{ phone: '+6281234567890' }] } });
    if (!list.ok) return;
    const callbackId = list.data.callbacks[0]!.id;
    expect(await agent.emitWithAck('callback:close', { callbackId, outcome: 'reached' })).toEqual({
      ok: true,
      data: null,
    });
    expect(
      await agent.emitWithAck('callback:close', { callbackId, outcome: 'reached' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(await agent.emitWithAck('callback:list', {})).toEqual({
      ok: true,
      data: { callbacks: [] },
    });
  });
});
