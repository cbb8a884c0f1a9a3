import { randomUUID } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import { watchQueries, type QueryKind } from '../src/store/query-timing.js';
import { startServer, type TestServer } from './harness.js';
import { testDialect } from './test-database.js';

// After a restart every kiosk reconnects at once, and on PostgreSQL each statement is a round
// trip: what one reconnect costs the store is counted here, statement by statement.
let server: TestServer;
afterEach(() => server.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test(`a kiosk that reconnects holding a waiting ticket is let in and bootstrapped in ${testDialect === 'postgres' ? 'ten' : 'eleven'} statements (${testDialect})`, async () => {
  // No timer sweeps while counting: only the reconnect's own statements are seen.
  server = await startServer({ config: { sweepIntervalMs: 3_600_000 } });
  const first = await server.kiosk();
  const boot = await first.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok || !boot.data.services[0]) throw new Error('no service');
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'away' });
  const created = await first.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: boot.data.services[0].id,
    language: 'id',
  });
  if (!created.ok) throw new Error(created.error.code);
  // The kiosk goes and has its reconnect grace, as every kiosk holding a ticket has after a
  // restart.
  first.close();
  await sleep(200);

  const statements: QueryKind[] = [];
  const stop = watchQueries(server.db, (kind) => statements.push(kind));
  const again = await server.kiosk();
  const back = await again.emitWithAck('kiosk:bootstrap', {});
  // The reconnect grace is dropped beside the bootstrap.
  await sleep(200);
  stop();

  expect(back.ok && back.data.ticket?.id).toBe(created.data.ticket.id);
  // Its own: the handshake's one update (credential checked, next one stored), its grace
  // dropped, and the bootstrap's transaction of its ticket and kiosk (one read on PostgreSQL,
  // two on SQLite) and the line's version. Office-wide and shared by every bootstrap running at
  // the same time: the office and its staff (four reads). The grace may be dropped at any point
  // among them, so the kinds are compared in order of kind.
  expect([...statements].sort()).toEqual(
    [
      'update',
      'delete',
      ...['select', 'select', 'select', 'select'],
      'other',
      ...(testDialect === 'postgres' ? ['select'] : ['select', 'select']),
      'select',
      'other',
    ].sort(),
  );
});
