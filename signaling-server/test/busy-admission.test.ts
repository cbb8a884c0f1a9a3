import { randomUUID } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import { startServer, type KioskSocket, type TestServer } from './harness.js';

let server: TestServer;
afterEach(() => server.close());

/** Takes tickets until `busy` is set, then refuses them until a fixed time. */
function switchable(retryAt: number) {
  const state = { busy: false };
  return { state, admission: { refusal: () => (state.busy ? retryAt : null), close() {} } };
}

async function serviceA(kiosk: KioskSocket): Promise<string> {
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok) throw new Error(boot.error.code);
  return boot.data.services.find((s) => s.letter === 'A')!.id;
}

test('past capacity a new ticket is refused as BUSY with when to try again, and nothing is queued', async () => {
  const retryAt = Date.now() + 15_000;
  const { state, admission } = switchable(retryAt);
  server = await startServer({ admission });
  const officer = await server.agent(await server.login('petugas2'));
  await officer.emitWithAck('agent:setStatus', { status: 'away' });
  const kiosk = await server.kiosk();
  const A = await serviceA(kiosk);
  state.busy = true;
  const refused = await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: A,
    language: 'id',
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'BUSY', retryAt } });
  expect(await server.db.selectFrom('tickets').selectAll().execute()).toEqual([]);
  state.busy = false;
  const taken = await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: A,
    language: 'id',
  });
  expect(taken).toMatchObject({ ok: true, data: { ticket: { status: 'waiting', position: 1 } } });
});

test('while busy, a kiosk that asks again for the ticket it holds is given it', async () => {
  const { state, admission } = switchable(Date.now() + 15_000);
  server = await startServer({ admission });
  const officer = await server.agent(await server.login('petugas2'));
  await officer.emitWithAck('agent:setStatus', { status: 'away' });
  const kiosk = await server.kiosk();
  const A = await serviceA(kiosk);
  const request = { clientId: randomUUID(), serviceId: A, language: 'id' as const };
  const first = await kiosk.emitWithAck('ticket:create', request);
  if (!first.ok) throw new Error(first.error.code);
  state.busy = true;
  expect(await kiosk.emitWithAck('ticket:create', request)).toMatchObject({
    ok: true,
    data: { ticket: { id: first.data.ticket.id } },
  });
  expect(
    await kiosk.emitWithAck('ticket:create', { ...request, clientId: randomUUID() }),
  ).toMatchObject({ ok: true, data: { ticket: { id: first.data.ticket.id } } });
});
