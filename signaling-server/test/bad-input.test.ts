import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  nextEvent,
  startServer,
  storeSnapshot,
  type AgentSocket,
  type KioskSocket,
  type TestServer,
} from './harness.js';

let server: TestServer;
let kiosk: KioskSocket;
let holder: AgentSocket;
let other: AgentSocket;
let serviceId: string;
let offeredTicket: string;

beforeAll(async () => {
  server = await startServer();
  kiosk = await server.kiosk();
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok || !boot.data.services[0]) throw new Error('no bootstrap');
  serviceId = boot.data.services[0].id;
  holder = await server.agent(await server.login('petugas1'));
  other = await server.agent(await server.login('petugas2'));
  await other.emitWithAck('agent:setStatus', { status: 'away' });
  await holder.emitWithAck('agent:setStatus', { status: 'available' });
  const offered = nextEvent(holder, 'offer:new');
  await kiosk.emitWithAck('ticket:create', { clientId: randomUUID(), serviceId, language: 'id' });
  offeredTicket = (await offered).ticketId;
});
afterAll(() => server.close());

/**
 * A newly enrolled kiosk, connected and bootstrapped as a kiosk screen is: what its connection
 * writes (its next credential) is then written, and the snapshots below see only the command.
 */
async function freshKiosk(): Promise<KioskSocket> {
  const fresh = await server.kiosk(await server.enrolKiosk());
  const boot = await fresh.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok) throw new Error(`bootstrap refused: ${boot.error.code}`);
  return fresh;
}

/** Runs a refused input and proves that no row of any table changed. */
async function refusedWithoutChange<T>(command: () => Promise<T>): Promise<T> {
  const before = await storeSnapshot(server.db);
  const result = await command();
  expect(await storeSnapshot(server.db)).toEqual(before);
  return result;
}

describe('malformed socket payloads are refused with BAD_REQUEST', () => {
  test.each([
    { name: 'a missing payload', payload: undefined },
    { name: 'a number instead of an object', payload: 42 },
    {
      name: 'a service id of the wrong type',
      payload: { clientId: randomUUID(), serviceId: 5, language: 'id' },
    },
    {
      name: 'an unknown language',
      payload: { clientId: randomUUID(), serviceId: 'x', language: 'fr' },
    },
    {
      name: 'a client id that is not a uuid',
      payload: { clientId: 'nope', serviceId: 'x', language: 'id' },
    },
  ])('ticket:create with $name', async ({ payload }) => {
    const result = await refusedWithoutChange(() =>
      kiosk.emitWithAck('ticket:create', payload as never),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  test('a signal with an unknown kind', async () => {
    const result = await refusedWithoutChange(() =>
      kiosk.emitWithAck('call:signal', { callId: 'c', signal: { kind: 'nonsense' } } as never),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  test('bootstrap with unexpected fields', async () => {
    const result = await refusedWithoutChange(() =>
      kiosk.emitWithAck('kiosk:bootstrap', { admin: true } as never),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  test('a command sent without an ack is dropped and the server keeps serving', async () => {
    const answer = await refusedWithoutChange(() => {
      (kiosk as unknown as { emit(e: string, p: unknown): void }).emit('ticket:create', {
        clientId: randomUUID(),
        serviceId,
        language: 'id',
      });
      // Answered after the dropped command, on the same socket.
      return kiosk.emitWithAck('kiosk:bootstrap', {});
    });
    expect(answer.ok).toBe(true);
  });
});

describe('sockets without the right credentials are turned away and change nothing', () => {
  test.each([
    { name: 'a kiosk with an unknown device token', connect: () => server.kiosk('x'.repeat(43)) },
    { name: 'a kiosk with no token at all', connect: () => server.kiosk('') },
    {
      name: 'an agent console with a forged session',
      connect: () => server.agent('loket_session=forged'),
    },
    { name: 'an agent console without a session cookie', connect: () => server.agent('') },
    {
      name: 'a manager dashboard with a forged session',
      connect: () => server.manager('loket_session=forged'),
    },
    { name: 'a manager dashboard without a session cookie', connect: () => server.manager('') },
  ])('$name', async ({ connect }) => {
    await refusedWithoutChange(() => expect(connect()).rejects.toThrow('UNAUTHENTICATED'));
  });

  test('a manager on the agent namespace', async () => {
    const cookie = await server.login('koordinator');
    await refusedWithoutChange(() => expect(server.agent(cookie)).rejects.toThrow('FORBIDDEN'));
  });

  test('an agent on the manager namespace', async () => {
    const cookie = await server.login('petugas2');
    await refusedWithoutChange(() => expect(server.manager(cookie)).rejects.toThrow('FORBIDDEN'));
  });
});

describe('commands outside the actor’s rights are refused and change nothing', () => {
  test('a kiosk emitting an agent event', async () => {
    const result = await refusedWithoutChange(() =>
      (kiosk as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(
        'offer:accept',
        { ticketId: offeredTicket },
      ),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('accepting an offer held by another agent', async () => {
    const result = await refusedWithoutChange(() =>
      other.emitWithAck('offer:accept', { ticketId: offeredTicket }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFER_NOT_HELD' } });
  });

  test('declining an offer held by another agent', async () => {
    const result = await refusedWithoutChange(() =>
      other.emitWithAck('offer:decline', { ticketId: offeredTicket }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFER_NOT_HELD' } });
  });

  test('relaying a signal into a call the sender is not in', async () => {
    const accepted = await holder.emitWithAck('offer:accept', { ticketId: offeredTicket });
    if (!accepted.ok) throw new Error(accepted.error.code);
    const callId = accepted.data.call.callId;
    let leaked = false;
    holder.once('call:signal', () => (leaked = true));
    const signal = { kind: 'candidate' as const, candidate: null };
    const fromAgent = await refusedWithoutChange(() =>
      other.emitWithAck('call:signal', { callId, signal }),
    );
    expect(fromAgent).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
    const stranger = await freshKiosk();
    const fromKiosk = await refusedWithoutChange(() =>
      stranger.emitWithAck('call:signal', { callId, signal }),
    );
    expect(fromKiosk).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
    const ending = await refusedWithoutChange(() => stranger.emitWithAck('call:end', { callId }));
    expect(ending).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
    expect(leaked).toBe(false);
  });

  test('a second ticket from a kiosk already holding one makes none: the kiosk gets the ticket it holds', async () => {
    const result = await refusedWithoutChange(() =>
      kiosk.emitWithAck('ticket:create', { clientId: randomUUID(), serviceId, language: 'id' }),
    );
    expect(result).toMatchObject({ ok: true, data: { ticket: { id: offeredTicket } } });
  });

  test('a ticket for a service that does not exist', async () => {
    const fresh = await freshKiosk();
    const result = await refusedWithoutChange(() =>
      fresh.emitWithAck('ticket:create', {
        clientId: randomUUID(),
        serviceId: 'no-such',
        language: 'id',
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('cancelling a ticket of another kiosk', async () => {
    const fresh = await freshKiosk();
    const result = await refusedWithoutChange(() =>
      fresh.emitWithAck('ticket:cancel', { ticketId: offeredTicket }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('going away in the middle of a call', async () => {
    const result = await refusedWithoutChange(() =>
      holder.emitWithAck('agent:setStatus', { status: 'away' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  test('a repeated ticket request with the same client id answers the same ticket', async () => {
    const fresh = await freshKiosk();
    const clientId = randomUUID();
    const first = await fresh.emitWithAck('ticket:create', { clientId, serviceId, language: 'en' });
    const again = await refusedWithoutChange(() =>
      fresh.emitWithAck('ticket:create', { clientId, serviceId, language: 'en' }),
    );
    expect(first.ok && again).toMatchObject({
      ok: true,
      data: { ticket: { id: first.ok ? first.data.ticket.id : '' } },
    });
  });
});

describe('REST refuses bad sign-ins with stable codes', () => {
  const post = (body: string, type = 'application/json') =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });

  test('a wrong password gets 401 INVALID_CREDENTIALS and no cookie', async () => {
    const response = await refusedWithoutChange(() =>
      post(JSON.stringify({ username: 'petugas1', password: 'wrong' })),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });

  test('an unknown user gets the same answer as a wrong password', async () => {
    const response = await refusedWithoutChange(() =>
      post(JSON.stringify({ username: 'nobody', password: 'wrong' })),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });

  test.each([
    { name: 'an empty body', body: '{}' },
    { name: 'broken JSON', body: '{"username":' },
    { name: 'a password of the wrong type', body: '{"username":"a","password":1}' },
  ])('$name gets 400 BAD_REQUEST', async ({ body }) => {
    const response = await refusedWithoutChange(() => post(body));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  test('who-am-I without a session gets 401 UNAUTHENTICATED', async () => {
    const response = await refusedWithoutChange(() => fetch(`${server.url}/api/auth/me`));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  test('an unknown API route gets 404 NOT_FOUND', async () => {
    const response = await refusedWithoutChange(() => fetch(`${server.url}/api/nothing-here`));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  test('the server still answers its health check after all of this', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
