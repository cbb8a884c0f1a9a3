import { randomUUID } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import { randomIds } from '../src/ids.js';
import { recoverAfterRestart } from '../src/scheduling/recovery.js';
import { nextEvent, startServer, type TestServer } from './harness.js';

let server: TestServer;
afterEach(() => server.close());

test('after a restart an offer in flight waits again at the head, and its kiosk gets the reconnect grace', async () => {
  server = await startServer();
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'available' });
  const kiosk = await server.kiosk();
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok || !boot.data.services[0]) throw new Error('no bootstrap');
  const offered = nextEvent(agent, 'offer:new');
  await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: boot.data.services[0].id,
    language: 'id',
  });
  await offered;
  const before = await server.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
  const now = before.updated_at + 1;

  await recoverAfterRestart(server.db, {
    clock: () => now,
    ids: randomIds,
    reconnectGraceMs: 60_000,
  });

  const after = await server.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
  expect(after).toMatchObject({
    status: 'waiting',
    queued_at: before.queued_at,
    offered_agent_id: null,
  });
  const agentRow = await server.db.selectFrom('agents').select('status').executeTakeFirstOrThrow();
  expect(agentRow.status).toBe('offline');
  const timers = await server.db.selectFrom('timers').selectAll().execute();
  expect(timers).toMatchObject([
    { kind: 'kiosk_grace', ref_id: before.kiosk_id, due_at: now + 60_000 },
  ]);
});
