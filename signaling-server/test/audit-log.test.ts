import { restRoutes, type AuditLog } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness.js';
import { officeOnBreak } from './support/office-on-break.js';

let server: TestServer;
afterEach(() => server.close());

/** Today and tomorrow as Jakarta counts days (the demo office's zone). */
function jakartaDay(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function read(cookie: string, body: unknown) {
  const response = await fetch(`${server.url}${restRoutes.auditLog.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

async function setUp() {
  server = await startServer();
  const { take, kiosk } = await officeOnBreak(server);
  const manager = await server.login('koordinator');
  const managerSocket = await server.manager(manager);
  const ticket = await take();
  const cancelled = await managerSocket.emitWithAck('ticket:cancel', {
    ticketId: ticket.id,
    reason: 'Pengunjung sudah pulang',
  });
  if (!cancelled.ok) throw new Error(cancelled.error.code);
  return { manager, kiosk, ticket };
}

describe('the audit log, as managers read it', () => {
  test('a manager reads today’s entries newest first, each naming who made it', async () => {
    const { manager, ticket } = await setUp();
    const { status, json } = await read(manager, { from: jakartaDay(), to: jakartaDay() });
    expect(status).toBe(200);
    const log = restRoutes.auditLog.response.parse(json) as AuditLog;
    expect(log.truncated).toBe(false);
    const ofTicket = log.entries.filter((entry) => entry.subjectId === ticket.id);
    expect(ofTicket.map((entry) => [entry.action, entry.actorType, entry.actorName])).toEqual([
      ['ticket.cancelled_by_manager', 'user', 'Dewi Lestari'],
      ['ticket.created', 'kiosk', 'Kios lobi 1'],
    ]);
    const times = log.entries.map((entry) => entry.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test('filters by whose doing and by kind of change, and finds nothing on other days', async () => {
    const { manager } = await setUp();
    const day = jakartaDay();
    const byKiosks = restRoutes.auditLog.response.parse(
      (await read(manager, { from: day, to: day, actorType: 'kiosk' })).json,
    );
    expect(byKiosks.entries.length).toBeGreaterThan(0);
    expect(new Set(byKiosks.entries.map((entry) => entry.actorType))).toEqual(new Set(['kiosk']));
    const tickets = restRoutes.auditLog.response.parse(
      (await read(manager, { from: day, to: day, action: 'ticket' })).json,
    );
    expect(new Set(tickets.entries.map((entry) => entry.action))).toEqual(
      new Set(['ticket.created', 'ticket.cancelled_by_manager']),
    );
    const cancelled = restRoutes.auditLog.response.parse(
      (await read(manager, { from: day, to: day, action: 'ticket.cancelled_by_manager' })).json,
    );
    expect(cancelled.entries.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ reason: 'Pengunjung sudah pulang' }),
    ]);
    const byDewi = restRoutes.auditLog.response.parse(
      (await read(manager, { from: day, to: day, who: 'dewi' })).json,
    );
    expect(byDewi.entries.map((entry) => entry.actorName)).toEqual(['Dewi Lestari']);
    const tomorrow = jakartaDay(1);
    expect(
      restRoutes.auditLog.response.parse(
        (await read(manager, { from: tomorrow, to: tomorrow })).json,
      ).entries,
    ).toEqual([]);
  });

  test('refuses officers, strangers, reversed or years-long ranges and malformed filters', async () => {
    await setUp();
    const officer = await server.login('petugas2');
    const day = jakartaDay();
    expect((await read(officer, { from: day, to: day })).status).toBe(403);
    expect((await read('', { from: day, to: day })).status).toBe(401);
    const manager = await server.login('koordinator');
    for (const body of [
      { from: '2026-03-02', to: '2026-03-01' },
      { from: '2024-01-01', to: '2026-01-01' },
      { from: day, to: day, actorType: 'robot' },
      { from: day, to: day, action: "ticket'; drop table audit_log; --" },
      { from: 'yesterday', to: day },
    ]) {
      expect((await read(manager, body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  test('an administration entry is found by its subject, its whole three-part action and its maker', async () => {
    server = await startServer();
    const manager = await server.login('koordinator');
    const refused = await fetch(`${server.url}${restRoutes.adminPeople.path}`, {
      method: restRoutes.adminPeople.method,
      headers: { 'content-type': 'application/json', cookie: manager },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    const day = jakartaDay();
    for (const filter of [{ action: 'admin' }, { action: 'admin.forbidden' }, { who: 'LESTARI' }]) {
      const log = restRoutes.auditLog.response.parse(
        (await read(manager, { from: day, to: day, ...filter })).json,
      );
      expect(
        log.entries.map((entry) => entry.action),
        JSON.stringify(filter),
      ).toContain('admin.forbidden');
    }
    const nobody = restRoutes.auditLog.response.parse(
      (await read(manager, { from: day, to: day, action: 'admin.person.updated' })).json,
    );
    expect(nobody.entries).toEqual([]);
  });
});
