import { afterEach, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness.js';
import { callInProgress } from './support/calls.js';

let server: TestServer;
afterEach(() => server.close());

test('a signer is shown on duty only while their console is connected, not while it is gone mid-call', async () => {
  server = await startServer({ reconnectGraceMs: 60_000 });
  const { agent, kiosk, ticket } = await callInProgress(server);
  const query = { serviceId: ticket.serviceId, language: 'id' as const, needs: [] };
  const onDuty = async () => {
    const answer = await kiosk.emitWithAck('service:availability', query);
    if (!answer.ok) throw new Error(answer.error.code);
    return answer.data.onDuty;
  };
  expect(await onDuty()).toEqual(['sign_language']);

  agent.close();
  // Still busy in the call's reconnect grace, but nobody is at the console to sign.
  await expect
    .poll(() => server.db.selectFrom('timers').select('kind').execute())
    .toEqual([{ kind: 'agent_grace' }]);
  expect((await server.db.selectFrom('agents').select('status').executeTakeFirst())?.status).toBe(
    'busy',
  );
  expect(await onDuty()).toEqual([]);

  await server.agent(await server.login('petugas1'));
  await expect.poll(onDuty).toEqual(['sign_language']);
});
