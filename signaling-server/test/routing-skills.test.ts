import { randomUUID } from 'node:crypto';
import { serviceSkill } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { waitRange, DEFAULT_HANDLE_MS } from '../src/core/eta.js';
import {
  eventWhere,
  nextEvent,
  startServer,
  type KioskSocket,
  type TestServer,
} from './harness.js';

let server: TestServer;
afterEach(() => server.close());

async function services(kiosk: KioskSocket) {
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok) throw new Error(boot.error.code);
  const byLetter = (letter: string) => {
    const found = boot.data.services.find((s) => s.letter === letter);
    if (!found) throw new Error(`no service ${letter}`);
    return found.id;
  };
  return { A: byLetter('A'), C: byLetter('C'), office: boot.data.office };
}

async function agentAs(username: string, status: 'available' | 'away') {
  const socket = await server.agent(await server.login(username));
  await socket.emitWithAck('agent:setStatus', { status });
  return socket;
}

describe('skills decide who is offered a ticket', () => {
  test('a sign-language ticket goes only to the officer who signs BISINDO', async () => {
    server = await startServer();
    const nonSigner = await agentAs('petugas2', 'available');
    const signer = await agentAs('petugas1', 'available');
    let wrong = false;
    nonSigner.on('offer:new', () => (wrong = true));
    const kiosk = await server.kiosk();
    const { A } = await services(kiosk);
    const offered = nextEvent(signer, 'offer:new');
    const created = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
      needs: ['sign_language'],
    });
    expect(created).toMatchObject({ ok: true, data: { ticket: { needs: ['sign_language'] } } });
    expect(await offered).toMatchObject({ service: { id: A } });
    expect(wrong).toBe(false);
  });

  test('a skill the office asks for a service is asked of whoever serves its tickets', async () => {
    server = await startServer();
    // The officer who does not sign waits longest, so without the service's skill they would be
    // offered the ticket first.
    const nonSigner = await agentAs('petugas2', 'available');
    const signer = await agentAs('petugas1', 'available');
    let wrong = false;
    nonSigner.on('offer:new', () => (wrong = true));
    const kiosk = await server.kiosk();
    const { A } = await services(kiosk);
    await server.db
      .updateTable('services')
      .set({ skills: JSON.stringify(['bisindo']) })
      .where('id', '=', A)
      .execute();
    const offered = nextEvent(signer, 'offer:new');
    const created = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
    });
    expect(created).toMatchObject({ ok: true });
    expect(await offered).toMatchObject({ service: { id: A } });
    expect(wrong).toBe(false);
  });

  test('a ticket for a service an officer lacks is not offered to them', async () => {
    server = await startServer();
    const generalist = await agentAs('petugas1', 'away');
    const specialist = await agentAs('petugas2', 'available');
    let wrong = false;
    specialist.on('offer:new', () => (wrong = true));
    const kiosk = await server.kiosk();
    const { C } = await services(kiosk);
    await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: C,
      language: 'id',
    });
    const offered = nextEvent(generalist, 'offer:new');
    await generalist.emitWithAck('agent:setStatus', { status: 'available' });
    expect(await offered).toMatchObject({ service: { id: C } });
    expect(wrong).toBe(false);
  });

  test('an officer given a service while at work is offered its next ticket', async () => {
    server = await startServer();
    const specialist = await agentAs('petugas2', 'available');
    const kiosk = await server.kiosk();
    const { C } = await services(kiosk);
    const ticketFor = () =>
      kiosk.emitWithAck('ticket:create', { clientId: randomUUID(), serviceId: C, language: 'id' });
    expect(await ticketFor()).toMatchObject({
      ok: false,
      error: { code: 'NO_AGENT_AVAILABLE' },
    });

    // Granted straight in the store, as an administrator or another server instance would.
    const { id } = await server.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'petugas2')
      .executeTakeFirstOrThrow();
    await server.db
      .insertInto('agent_skills')
      .values({ user_id: id, skill: serviceSkill(C) })
      .execute();
    const offered = nextEvent(specialist, 'offer:new');

    expect(await ticketFor()).toMatchObject({ ok: true });
    expect(await offered).toMatchObject({ service: { id: C } });
  });

  test('a visitor with declared needs goes ahead of an earlier ordinary ticket', async () => {
    server = await startServer();
    const agent = await agentAs('petugas2', 'away');
    const first = await server.kiosk();
    const second = await server.kiosk(await server.enrolKiosk());
    const { A } = await services(first);
    await first.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
    });
    const pushedBack = eventWhere(first, 'ticket:updated', (t) => t.position === 2);
    const elderly = await second.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
      needs: ['elderly'],
    });
    expect(elderly).toMatchObject({
      ok: true,
      data: { ticket: { position: 1, needs: ['elderly'] } },
    });
    expect(await pushedBack).toMatchObject({ position: 2 });
    const offered = nextEvent(agent, 'offer:new');
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    expect((await offered).ticketId).toBe(elderly.ok ? elderly.data.ticket.id : '');
    const audit = await server.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'ticket.created')
      .where('subject_id', '=', elderly.ok ? elderly.data.ticket.id : '')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ priority: 'priority', needs: ['elderly'] });
  });

  test('a waiting visitor is told an honest wait range once an officer is at work', async () => {
    server = await startServer();
    const agent = await agentAs('petugas2', 'available');
    const first = await server.kiosk();
    const { A } = await services(first);
    const offered = nextEvent(agent, 'offer:new');
    await first.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
    });
    await agent.emitWithAck('offer:accept', { ticketId: (await offered).ticketId });
    const second = await server.kiosk(await server.enrolKiosk());
    const created = await second.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
    });
    expect(created).toMatchObject({
      ok: true,
      data: { ticket: { position: 1, wait: waitRange(0, 1, DEFAULT_HANDLE_MS) } },
    });
  });
});

describe('a kiosk is told honestly when nobody can serve', () => {
  test('no officer signed in: the ticket is refused and availability says why', async () => {
    server = await startServer();
    const kiosk = await server.kiosk();
    const { A } = await services(kiosk);
    const refused = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NO_AGENT_AVAILABLE' } });
    expect(
      await kiosk.emitWithAck('service:availability', { serviceId: A, language: 'id' }),
    ).toEqual({
      ok: true,
      data: { available: false, reason: 'no_agent', nextOpening: null, onDuty: [] },
    });
    expect(await server.db.selectFrom('tickets').selectAll().execute()).toEqual([]);
  });

  test('a sign-language visitor is refused when only non-signing officers are in', async () => {
    server = await startServer();
    await agentAs('petugas2', 'available');
    const kiosk = await server.kiosk();
    const { A } = await services(kiosk);
    expect(
      await kiosk.emitWithAck('service:availability', {
        serviceId: A,
        language: 'id',
        needs: ['sign_language'],
      }),
    ).toMatchObject({
      ok: true,
      data: { available: false, reason: 'no_agent', onDuty: [] },
    });
    const refused = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
      needs: ['sign_language'],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NO_AGENT_AVAILABLE' } });
  });

  test('outside service hours the ticket is refused with the next opening', async () => {
    server = await startServer();
    await agentAs('petugas1', 'available');
    const day = (offset: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(
        Date.now() + offset * 86_400_000,
      );
    const hours = {
      timeZone: 'Asia/Jakarta',
      weekly: Array.from({ length: 7 }, () => [{ open: '08:00', close: '16:00' }]),
      holidays: [day(0), day(1)],
    };
    await server.db
      .updateTable('offices')
      .set({ hours: JSON.stringify(hours) })
      .execute();
    const kiosk = await server.kiosk();
    const { A } = await services(kiosk);
    const opening = Date.parse(`${day(2)}T08:00:00+07:00`);
    const refused = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'OUTSIDE_HOURS', retryAt: opening },
    });
    expect(
      await kiosk.emitWithAck('service:availability', { serviceId: A, language: 'id' }),
    ).toMatchObject({
      ok: true,
      data: {
        available: false,
        reason: 'outside_hours',
        nextOpening: opening,
        onDuty: ['sign_language'],
      },
    });
  });

  test('the kiosk learns the other channels of its office', async () => {
    server = await startServer();
    const { office } = await services(await server.kiosk());
    expect(office.channels.map((c) => c.kind)).toEqual(['web', 'whatsapp', 'email', 'phone']);
  });
});

describe('call-back requests', () => {
  test('a valid Indonesian number is stored normalised, once per request', async () => {
    server = await startServer();
    const kiosk = await server.kiosk();
    const { A } = await services(kiosk);
    const request = {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id' as const,
      phone: '0812-3456-7890',
      consent: true as const,
    };
    const first = await kiosk.emitWithAck('callback:request', request);
    expect(first).toMatchObject({ ok: true, data: { phone: '+6281234567890' } });
    const again = await kiosk.emitWithAck('callback:request', request);
    expect(again).toEqual(first);
    const rows = await server.db.selectFrom('callbacks').selectAll().execute();
    expect(rows).toMatchObject([{ phone: '+6281234567890', status: 'open', service_id: A }]);
  });

  test.each([
    { name: 'a number that is not Indonesian', phone: '+44 20 7946 0958', consent: true },
    { name: 'letters instead of digits', phone: 'telepon saya', consent: true },
    { name: 'no consent', phone: '081234567890', consent: false },
  ])('$name is refused and nothing is stored', async ({ phone, consent }) => {
    server = await startServer();
    const kiosk = await server.kiosk();
    const { A } = await services(kiosk);
    const refused = await kiosk.emitWithAck('callback:request', {
      clientId: randomUUID(),
      serviceId: A,
      language: 'id',
      phone,
      consent: consent as true,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await server.db.selectFrom('callbacks').selectAll().execute()).toEqual([]);
  });
});
