import { afterEach, expect, test } from 'vitest';
import { applyRetention } from '../src/scheduling/retention-job.js';
import { startServer, type TestServer } from './harness.js';
import { callInProgress } from './support/calls.js';

const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
afterEach(() => server.close());

test('the retention job erases officers’ notes on calls with the visit’s summary, keeping the outcome', async () => {
  server = await startServer({ wrapUpMs: 60_000 });
  const { agent, ticketId, callId } = await callInProgress(server);
  await agent.emitWithAck('call:end', { callId });
  await agent.emitWithAck('call:record', {
    ticketId,
    notes: 'Membawa surat kuasa dari ibunya',
    disposition: 'resolved',
  });
  const record = () =>
    server.db
      .selectFrom('calls')
      .select(['notes', 'disposition'])
      .where('id', '=', callId)
      .executeTakeFirstOrThrow();

  expect(await applyRetention(server.app.ctx)).toMatchObject({ notes: 0 });
  expect((await record()).notes).not.toBeNull();

  await server.db
    .updateTable('calls')
    .set({ ended_at: Date.now() - 31 * DAY })
    .where('id', '=', callId)
    .execute();
  expect(await applyRetention(server.app.ctx)).toMatchObject({ notes: 1 });
  expect(await record()).toEqual({ notes: null, disposition: 'resolved' });
  const [entry] = await server.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'retention.applied')
    .execute();
  expect(JSON.parse(String(entry!.details))).toMatchObject({
    callNotesErased: 1,
    callIds: [callId],
  });
  expect(String(entry!.details)).not.toContain('kuasa');
});
