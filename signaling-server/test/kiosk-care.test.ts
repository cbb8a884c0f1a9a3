import { kioskCondition, type KioskHealthReport } from '@loket/shared';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { eventWhere, nextEvent, startServer, type TestServer } from './harness.js';
import { officeOnBreak } from './support/office-on-break.js';

let server: TestServer;
afterEach(() => server.close());

const HEALTHY: KioskHealthReport = {
  version: '1.4.0',
  devices: { camera: 'ok', microphone: 'ok', speaker: 'ok' },
  roundTripMs: 12,
  downlinkMbps: 10,
  lastVisitAt: null,
};

async function setUp() {
  server = await startServer();
  const office = await officeOnBreak(server);
  const manager = await server.manager(await server.login('koordinator'));
  return { ...office, manager, kioskId: office.boot.kioskId };
}

async function auditOf(action: string) {
  return server.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
}

describe('kiosk care', () => {
  test('a kiosk that connects is noted as last seen then, before any heartbeat', async () => {
    server = await startServer();
    const before = Date.now();
    const kiosk = await server.kiosk();
    await vi.waitFor(async () => {
      const row = await server.db
        .selectFrom('kiosks')
        .select(['last_seen_at', 'health_at'])
        .executeTakeFirstOrThrow();
      expect(Number(row.last_seen_at)).toBeGreaterThanOrEqual(before);
      expect(row.health_at).toBeNull();
    });
    kiosk.disconnect();
  });

  test('a heartbeat with a missing camera shows the kiosk as faulty on the dashboard', async () => {
    const { manager, kiosk, kioskId } = await setUp();
    const told = eventWhere(manager, 'kiosk:status', (s) => s.id === kioskId && s.health !== null);
    const report = { ...HEALTHY, devices: { ...HEALTHY.devices, camera: 'missing' as const } };
    expect(await kiosk.emitWithAck('kiosk:heartbeat', report)).toEqual({ ok: true, data: null });
    const status = await told;
    expect(status).toMatchObject({ online: true, inUse: false, health: report });
    expect(kioskCondition(status, Date.now())).toBe('faulty');

    const listed = await manager.emitWithAck('kiosks:status', {});
    if (!listed.ok) throw new Error(listed.error.code);
    expect(listed.data.kiosks).toEqual([status]);
  });

  test('a kiosk that holds a ticket is in use, and one whose last socket closed is offline', async () => {
    const { manager, kiosk, kioskId, take } = await setUp();
    await kiosk.emitWithAck('kiosk:heartbeat', HEALTHY);
    const inUse = eventWhere(manager, 'kiosk:status', (s) => s.id === kioskId && s.inUse);
    expect(await take().then(() => true)).toBe(true);
    expect(kioskCondition(await inUse, Date.now())).toBe('in_use');

    const gone = eventWhere(manager, 'kiosk:status', (s) => s.id === kioskId && !s.online);
    kiosk.disconnect();
    expect(kioskCondition(await gone, Date.now())).toBe('offline');
  });

  test('a report that does not follow the contract is refused and not stored', async () => {
    const { kiosk, kioskId } = await setUp();
    const answer = await kiosk.emitWithAck('kiosk:heartbeat', {
      ...HEALTHY,
      devices: { camera: 'broken', microphone: 'ok', speaker: 'ok' },
    } as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const row = await server.db
      .selectFrom('kiosks')
      .select('health')
      .where('id', '=', kioskId)
      .executeTakeFirstOrThrow();
    expect(row.health).toBeNull();
  });

  test('a manager’s reload and self-test reach the kiosk and are audited with who asked', async () => {
    const { manager, kiosk, kioskId } = await setUp();
    const reload = nextEvent(kiosk, 'kiosk:reload');
    expect(await manager.emitWithAck('kiosk:reload', { kioskId })).toEqual({
      ok: true,
      data: null,
    });
    await reload;
    const selfTest = nextEvent(kiosk, 'kiosk:selfTest');
    expect(await manager.emitWithAck('kiosk:selfTest', { kioskId })).toEqual({
      ok: true,
      data: null,
    });
    await selfTest;
    const audited = await auditOf('kiosk.reload_requested');
    expect(audited).toMatchObject({ actor_type: 'user', subject_id: kioskId });
    await auditOf('kiosk.self_test_requested');
  });

  test('a message for one kiosk reaches that kiosk and no other', async () => {
    const { manager, kiosk, kioskId } = await setUp();
    const other = await server.kiosk(await server.enrolKiosk());
    let otherHeard = false;
    other.on('office:message', () => (otherHeard = true));
    const text = { id: 'Printer sedang diperbaiki', en: 'The printer is being repaired' };
    const heard = nextEvent(kiosk, 'office:message');
    expect(await manager.emitWithAck('kiosk:message', { kioskId, text })).toEqual({
      ok: true,
      data: null,
    });
    expect(await heard).toMatchObject({ text });
    // The other kiosk's socket would have had the message by the time this round trip is back.
    await other.emitWithAck('kiosk:bootstrap', {});
    expect(otherHeard).toBe(false);
  });

  test('a kiosk out of service takes no tickets until it is put back, and says so when it reconnects', async () => {
    const { manager, kiosk, kioskId, take } = await setUp();
    const closed = nextEvent(kiosk, 'kiosk:service');
    expect(await manager.emitWithAck('kiosk:setService', { kioskId, inService: false })).toEqual({
      ok: true,
      data: null,
    });
    expect(await closed).toEqual({ inService: false });
    await expect(take()).rejects.toThrow('KIOSK_CLOSED');
    const again = await kiosk.emitWithAck('kiosk:bootstrap', {});
    expect(again).toMatchObject({ ok: true, data: { inService: false } });
    const listed = await manager.emitWithAck('kiosks:status', {});
    if (!listed.ok) throw new Error(listed.error.code);
    expect(listed.data.kiosks[0]).toMatchObject({ id: kioskId, outOfService: true });
    expect(JSON.parse((await auditOf('kiosk.service_changed')).details ?? '{}')).toEqual({
      inService: false,
    });

    const opened = nextEvent(kiosk, 'kiosk:service');
    await manager.emitWithAck('kiosk:setService', { kioskId, inService: true });
    expect(await opened).toEqual({ inService: true });
    expect(await take().then(() => true)).toBe(true);
  });

  test('a manager’s request for a kiosk that is not in their office is refused', async () => {
    const { manager } = await setUp();
    expect(await manager.emitWithAck('kiosk:reload', { kioskId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
