import { sql } from 'kysely';
import { afterEach, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness.js';
import { offeredTicket } from './support/calls.js';
import { testDialect } from './test-database.js';

// A console's bootstrap is a snapshot; the events of changes that commit meanwhile go out on the
// same socket. The snapshot must never arrive after an event that is newer than it. PostgreSQL
// only: it lets the test hold the bootstrap half-way (a table lock) while a decline commits.
let server: TestServer;
afterEach(() => server.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a bootstrap answered after a decline’s events already shows the decline', async () => {
  expect(testDialect).toBe('postgres');
  server = await startServer();
  const { agent, ticketId } = await offeredTicket(server);
  const heard: string[] = [];
  agent.on('agent:updated', (update) => heard.push(`agent:updated ${update.status}`));

  let boot: Awaited<ReturnType<typeof agent.emitWithAck<'agent:bootstrap'>>> | undefined;
  let declined: Awaited<ReturnType<typeof agent.emitWithAck<'offer:decline'>>> | undefined;
  await server.db.transaction().execute(async (trx) => {
    // The bootstrap stops at the services it reads, after reading the agent and the offer.
    await sql`lock table services in access exclusive mode`.execute(trx);
    void agent.emitWithAck('agent:bootstrap', {}).then((answer) => {
      heard.push('bootstrap answer');
      boot = answer;
    });
    await sleep(300);
    void agent.emitWithAck('offer:decline', { ticketId }).then((answer) => {
      declined = answer;
    });
    // The commit releases the bootstrap; both then finish in whatever order the server allows.
    await sleep(300);
  });
  await expect.poll(() => boot !== undefined && declined !== undefined).toBe(true);

  expect(declined).toMatchObject({ ok: true });
  if (!boot?.ok) throw new Error('bootstrap refused');
  const answeredAfterDecline =
    heard.indexOf('bootstrap answer') > heard.indexOf('agent:updated available') &&
    heard.includes('agent:updated available');
  if (answeredAfterDecline) {
    expect(boot.data.offer).toBeNull();
    expect(boot.data.agent.status).toBe('available');
  } else {
    expect(boot.data.offer?.ticketId).toBe(ticketId);
  }
  expect(heard).toContain('agent:updated available');
});
