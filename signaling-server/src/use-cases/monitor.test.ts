import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startLiveKit, type LiveKitProcess } from '../../../e2e/support/livekit-server.js';
import { startServer, type TestServer } from '../../test/harness.js';
import { callInProgress } from '../../test/support/calls.js';
import { hashPassword } from '../auth/password.js';
import { randomIds } from '../ids.js';
import { insertUser } from '../store/repositories/users.js';
import { LiveKit, roomOf } from '../media/livekit.js';
import { livekitMedia, p2pMedia } from '../media/provider.js';

const log = pino({ level: 'silent' });

/** A manager of an office of their own, signed in. */
async function managerElsewhere(server: TestServer): Promise<string> {
  const officeId = randomIds();
  await server.db
    .insertInto('offices')
    .values({
      id: officeId,
      name_id: 'Kantor lain',
      name_en: 'Another office',
      time_zone: 'Asia/Jakarta',
      created_at: Date.now(),
      hours: null,
      channels: '[]',
      summary_retention_days: 30,
      version: 1,
      hours_version: 1,
      dispositions_version: 1,
      quick_replies_version: 1,
    })
    .execute();
  const password = 'another-office-password';
  await insertUser(server.db, {
    id: randomIds(),
    office_id: officeId,
    username: 'manajer-lain',
    display_name: 'Manajer Lain',
    role: 'manager',
    password_hash: await hashPassword(password),
    created_at: Date.now(),
  });
  return server.login('manajer-lain', password);
}

describe('call:monitor on the real livekit-server', () => {
  let livekitServer: LiveKitProcess;
  let server: TestServer;

  beforeAll(async () => {
    livekitServer = await startLiveKit();
  }, 30_000);
  afterAll(() => livekitServer?.stop());
  beforeEach(async () => {
    server = await startServer();
    server.app.ctx.media = livekitMedia(new LiveKit(livekitServer), log);
  });
  afterEach(() => server.close());

  test('a manager of the office gets a hidden, receive-only token and who is who in the room', async () => {
    const { ticketId, ticketNumber, call } = await callInProgress(server);
    const manager = await server.manager(await server.login('koordinator'));
    const watched = await manager.emitWithAck('call:monitor', { ticketId });
    if (!watched.ok) throw new Error(watched.error.code);
    const agentRow = await server.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'petugas1')
      .executeTakeFirstOrThrow();
    const kioskRow = await server.db
      .selectFrom('calls')
      .select('kiosk_id')
      .where('id', '=', call.callId)
      .executeTakeFirstOrThrow();
    expect(watched.data).toMatchObject({
      url: livekitServer.url,
      visitor: { identity: `kiosk:${kioskRow.kiosk_id}:0`, label: ticketNumber },
      officer: { identity: `agent:${agentRow.id}`, label: 'Sari Wulandari' },
    });
    const claims = await new TokenVerifier(livekitServer.apiKey, livekitServer.apiSecret).verify(
      watched.data.token,
    );
    expect(claims.video).toMatchObject({
      room: roomOf(call.callId),
      hidden: true,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
    });
    expect(claims.name).toBe('Dewi Lestari');
  });

  test('a manager of another office is refused with NOT_IN_CALL', async () => {
    const { ticketId } = await callInProgress(server);
    const stranger = await server.manager(await managerElsewhere(server));
    expect(await stranger.emitWithAck('call:monitor', { ticketId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_IN_CALL' },
    });
  });

  test('a call that has ended cannot be watched: NOT_IN_CALL', async () => {
    const { kiosk, ticketId, call } = await callInProgress(server);
    await kiosk.emitWithAck('call:end', { callId: call.callId });
    const manager = await server.manager(await server.login('koordinator'));
    expect(await manager.emitWithAck('call:monitor', { ticketId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_IN_CALL' },
    });
  });

  test('a ticket still waiting is in no call: NOT_IN_CALL', async () => {
    const agent = await server.agent(await server.login('petugas1'));
    await agent.emitWithAck('agent:setStatus', { status: 'away' });
    const kiosk = await server.kiosk();
    const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
    if (!boot.ok || !boot.data.services[0]) throw new Error('no service');
    const created = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: boot.data.services[0].id,
      language: 'id',
    });
    if (!created.ok) throw new Error(created.error.code);
    const manager = await server.manager(await server.login('koordinator'));
    expect(
      await manager.emitWithAck('call:monitor', { ticketId: created.data.ticket.id }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
  });

  test('a peer-to-peer call cannot be watched: MONITOR_NEEDS_LIVEKIT', async () => {
    server.app.ctx.media = p2pMedia({ iceServers: [], turn: null }, Date.now);
    const { ticketId } = await callInProgress(server);
    const manager = await server.manager(await server.login('koordinator'));
    expect(await manager.emitWithAck('call:monitor', { ticketId })).toMatchObject({
      ok: false,
      error: { code: 'MONITOR_NEEDS_LIVEKIT' },
    });
  });

  test('an officer cannot ask to watch a call on their own socket: FORBIDDEN', async () => {
    const { agent, ticketId } = await callInProgress(server);
    const raw = agent as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<unknown>;
    };
    expect(await raw.emitWithAck('call:monitor', { ticketId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('the signed-in session tells the console how calls carry media', async () => {
    const cookie = await server.login('koordinator');
    const me = async () =>
      (await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json()) as {
        user: { mediaTransport?: string };
      };
    expect((await me()).user.mediaTransport).toBe('livekit');
    server.app.ctx.media = p2pMedia({ iceServers: [], turn: null }, Date.now);
    expect((await me()).user.mediaTransport).toBe('p2p');
  });
});
