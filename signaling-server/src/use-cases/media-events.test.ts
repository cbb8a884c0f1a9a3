import { createHash, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { AccessToken, RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startLiveKit, type LiveKitProcess } from '../../../e2e/support/livekit-server.js';
import {
  nextEvent,
  queueState,
  startServer,
  type AgentSocket,
  type KioskSocket,
  type TestServer,
} from '../../test/harness.js';
import { availableAgent, offeredTicket } from '../../test/support/calls.js';
import { LiveKit, roomOf } from '../media/livekit.js';
import { monitorCall } from './monitor.js';
import { livekitMedia, p2pMedia } from '../media/provider.js';

const log = pino({ level: 'silent' });

/** Signs a webhook body the way livekit-server does: a JWT carrying the body's SHA-256. */
async function signWebhook(body: string, apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

describe('calls on the real livekit-server', () => {
  let livekitServer: LiveKitProcess;
  let server: TestServer;
  let rooms: RoomServiceClient;

  beforeAll(async () => {
    livekitServer = await startLiveKit();
    rooms = new RoomServiceClient(
      livekitServer.url.replace(/^ws/, 'http'),
      livekitServer.apiKey,
      livekitServer.apiSecret,
    );
  }, 30_000);
  afterAll(() => livekitServer?.stop());
  beforeEach(async () => {
    server = await startServer();
    server.app.ctx.media = livekitMedia(new LiveKit(livekitServer), log);
  });
  afterEach(() => server.close());

  async function accept(agent: AgentSocket, kiosk: KioskSocket, ticketId: string) {
    const kioskCall = nextEvent(kiosk, 'call:started');
    const accepted = await agent.emitWithAck('offer:accept', { ticketId });
    if (!accepted.ok) throw new Error(accepted.error.code);
    return { agentCall: accepted.data.call, kioskCall: await kioskCall };
  }

  test('accepting opens the call room and gives each party its own token; ending deletes it', async () => {
    const { kiosk, agent, ticketId } = await offeredTicket(server);
    const { agentCall, kioskCall } = await accept(agent, kiosk, ticketId);
    expect(agentCall).toMatchObject({
      transport: 'livekit',
      livekit: { url: livekitServer.url },
    });
    expect(kioskCall).toMatchObject({
      transport: 'livekit',
      livekit: { url: livekitServer.url },
    });
    expect(kioskCall.livekit?.token).not.toBe(agentCall.livekit?.token);
    const room = roomOf(agentCall.callId);
    expect((await rooms.listRooms([room])).length).toBe(1);

    // A console that reloads mid-call gets a fresh token for the same room.
    const again = await agent.emitWithAck('agent:bootstrap', {});
    expect(again).toMatchObject({ ok: true, data: { call: { transport: 'livekit' } } });

    expect(await kiosk.emitWithAck('call:end', { callId: agentCall.callId })).toEqual({
      ok: true,
      data: null,
    });
    expect(await rooms.listRooms([room])).toEqual([]);
  });

  test('a call room is gone before either party hears that the call ended', async () => {
    const media = livekitMedia(new LiveKit(livekitServer), log);
    // A slow media server makes the order visible: the room must still be deleted first.
    server.app.ctx.media = {
      ...media,
      closeCall: async (callId) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await media.closeCall(callId);
      },
    };
    const { kiosk, agent, ticketId } = await offeredTicket(server);
    const { agentCall } = await accept(agent, kiosk, ticketId);
    const room = roomOf(agentCall.callId);
    const roomsWhenHeard = nextEvent(agent, 'call:ended').then(() => rooms.listRooms([room]));
    expect(await kiosk.emitWithAck('call:end', { callId: agentCall.callId })).toEqual({
      ok: true,
      data: null,
    });
    expect(await roomsWhenHeard).toEqual([]);
  });

  test('while an offer rings, its call room is open and both parties know where to join it', async () => {
    const { kiosk, agent, serviceId } = await availableAgent(server);
    const offered = nextEvent(agent, 'offer:new');
    const agentRoom = nextEvent(agent, 'offer:room');
    const kioskRoom = nextEvent(kiosk, 'call:preparing');
    await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId,
      language: 'id',
    });
    const offer = await offered;
    expect(offer.p2p).toBeUndefined();
    const [forAgent, forKiosk] = await Promise.all([agentRoom, kioskRoom]);
    expect(forAgent).toMatchObject({ ticketId: offer.ticketId, signLanguage: false });
    expect(forKiosk.callId).toBe(forAgent.callId);
    const room = roomOf(forAgent.callId);
    expect((await rooms.listRooms([room])).map((r) => r.name)).toEqual([room]);
    const verifier = new TokenVerifier(livekitServer.apiKey, livekitServer.apiSecret);
    const grants = await Promise.all(
      [forAgent, forKiosk].map(async ({ livekit }) => (await verifier.verify(livekit.token)).video),
    );
    expect(grants.map((g) => g?.room)).toEqual([room, room]);

    // The accept starts the call in that room.
    const { agentCall, kioskCall } = await accept(agent, kiosk, offer.ticketId);
    expect([agentCall.callId, kioskCall.callId]).toEqual([forAgent.callId, forAgent.callId]);
  });

  test('the room of a declined offer is deleted when the ticket rings again elsewhere', async () => {
    const { kiosk, agent, ticketId } = await offeredTicket(server);
    const first = await nextEvent(kiosk, 'call:preparing');
    const other = await server.agent(await server.login('petugas2'));
    await other.emitWithAck('agent:setStatus', { status: 'available' });
    const again = nextEvent(kiosk, 'call:preparing');
    await agent.emitWithAck('offer:decline', { ticketId });
    const second = await again;
    expect(second.callId).not.toBe(first.callId);
    await expect
      .poll(async () => (await rooms.listRooms([roomOf(first.callId)])).length, {
        timeout: 5000,
      })
      .toBe(0);
    expect((await rooms.listRooms([roomOf(second.callId)])).length).toBe(1);
  });

  test('a manager of the office may watch a call, hidden; others and ended calls are refused', async () => {
    const { kiosk, agent, ticketId } = await offeredTicket(server);
    const { agentCall } = await accept(agent, kiosk, ticketId);
    const manager = { userId: 'manager-1', officeId: server.officeId, displayName: 'Dewi' };
    const watch = await monitorCall(server.app.ctx, manager, agentCall.callId);
    const claims = await new TokenVerifier(livekitServer.apiKey, livekitServer.apiSecret).verify(
      watch.token,
    );
    expect(claims.video).toMatchObject({
      room: roomOf(agentCall.callId),
      hidden: true,
      canPublish: false,
    });
    const validate = `${livekitServer.url.replace(/^ws/, 'http')}/rtc/validate`;
    expect((await fetch(`${validate}?access_token=${watch.token}`)).status).toBe(200);

    const monitored = await server.db
      .selectFrom('audit_log')
      .select(['actor_id', 'subject_id'])
      .where('action', '=', 'call.monitored')
      .execute();
    expect(monitored).toEqual([{ actor_id: 'manager-1', subject_id: agentCall.callId }]);

    const elsewhere = { ...manager, officeId: 'another-office' };
    await expect(monitorCall(server.app.ctx, elsewhere, agentCall.callId)).rejects.toMatchObject({
      code: 'NOT_IN_CALL',
    });
    await kiosk.emitWithAck('call:end', { callId: agentCall.callId });
    await expect(monitorCall(server.app.ctx, manager, agentCall.callId)).rejects.toMatchObject({
      code: 'NOT_IN_CALL',
    });
  });

  test('peer-to-peer calls cannot be watched: they need LiveKit', async () => {
    server.app.ctx.media = p2pMedia({ iceServers: [], turn: null }, Date.now);
    const { kiosk, agent, ticketId } = await offeredTicket(server);
    const { agentCall } = await accept(agent, kiosk, ticketId);
    const manager = { userId: 'manager-1', officeId: server.officeId, displayName: 'Dewi' };
    await expect(monitorCall(server.app.ctx, manager, agentCall.callId)).rejects.toMatchObject({
      code: 'MONITOR_NEEDS_LIVEKIT',
    });
  });

  test('a BISINDO ticket makes a sign-language call for both parties', async () => {
    const { kiosk, agent, ticketId } = await offeredTicket(server, true);
    const { agentCall, kioskCall } = await accept(agent, kiosk, ticketId);
    expect(agentCall.signLanguage).toBe(true);
    expect(kioskCall.signLanguage).toBe(true);
  });

  test('LiveKit unreachable: the accept fails with MEDIA_UNAVAILABLE and the ticket waits at the head again', async () => {
    server.app.ctx.media = livekitMedia(
      new LiveKit({ ...livekitServer, url: 'ws://127.0.0.1:9' }),
      log,
    );
    const { kiosk, agent, ticketId } = await offeredTicket(server);
    const reoffered = nextEvent(agent, 'offer:new');
    const accepted = await agent.emitWithAck('offer:accept', { ticketId });
    expect(accepted).toMatchObject({ ok: false, error: { code: 'MEDIA_UNAVAILABLE' } });
    const state = await queueState(server.db);
    expect(state.calls).toEqual([]);
    // Back in the queue, at its old place, and offered again to the agent who is free again.
    expect(await reoffered).toMatchObject({ ticketId });
    const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
    expect(boot).toMatchObject({ ok: true, data: { call: null } });
  });

  test('the apps may ask the LiveKit server over HTTP why a connection failed', async () => {
    await server.close();
    server = await startServer({ media: livekitMedia(new LiveKit(livekitServer), log) });
    const csp = (await fetch(`${server.url}/healthz`)).headers.get('content-security-policy');
    const origin = livekitServer.url.replace(/^ws/, 'http');
    expect(csp).toMatch(new RegExp(`connect-src [^;]*${origin.replace(/\./g, '\\.')}`));
  });

  describe('POST /livekit/webhook', () => {
    async function activeCall() {
      const { kiosk, agent, ticketId } = await offeredTicket(server);
      return (await accept(agent, kiosk, ticketId)).agentCall;
    }

    function eventBody(callId: string) {
      return JSON.stringify({
        event: 'participant_left',
        id: 'EV_1',
        createdAt: Math.floor(Date.now() / 1000),
        room: { name: roomOf(callId), sid: 'RM_1' },
        participant: { identity: 'kiosk:k1', sid: 'PA_1' },
      });
    }

    async function post(body: string, authorization: string) {
      return fetch(`${server.url}/livekit/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/webhook+json', authorization },
        body,
      });
    }

    async function mediaAudit() {
      const rows = await server.db.selectFrom('audit_log').select('action').execute();
      return rows.map((r) => r.action).filter((a) => a.startsWith('media.'));
    }

    test('a signed event about an active call is recorded', async () => {
      const call = await activeCall();
      const body = eventBody(call.callId);
      const auth = await signWebhook(body, livekitServer.apiKey, livekitServer.apiSecret);
      expect((await post(body, auth)).status).toBe(200);
      expect(await mediaAudit()).toEqual(['media.participant_left']);
    });

    /** A signed webhook from LiveKit about one participant (or the room) of a call. */
    async function report(
      callId: string,
      event: 'participant_left' | 'participant_joined' | 'room_finished',
      identity?: string,
    ) {
      const body = JSON.stringify({
        event,
        id: `EV_${randomUUID()}`,
        createdAt: Math.floor(Date.now() / 1000),
        room: { name: roomOf(callId), sid: 'RM_1' },
        ...(identity ? { participant: { identity, sid: 'PA_1' } } : {}),
      });
      const auth = await signWebhook(body, livekitServer.apiKey, livekitServer.apiSecret);
      expect((await post(body, auth)).status).toBe(200);
    }

    /**
     * The call of `offeredTicket` on a server whose reconnect grace is short, and whose wrap-up
     * lasts, so an officer's wrap-up can be seen.
     */
    async function callWithShortGrace() {
      await server.close();
      server = await startServer({ reconnectGraceMs: 300, wrapUpMs: 60_000 });
      server.app.ctx.media = livekitMedia(new LiveKit(livekitServer), log, 300);
      const { kiosk, agent, ticketId } = await offeredTicket(server);
      const { agentCall } = await accept(agent, kiosk, ticketId);
      const row = await server.db
        .selectFrom('calls')
        .select(['kiosk_id', 'agent_id'])
        .where('id', '=', agentCall.callId)
        .executeTakeFirstOrThrow();
      return {
        kiosk,
        agent,
        ticketId,
        callId: agentCall.callId,
        kioskIdentity: `kiosk:${row.kiosk_id}`,
        agentIdentity: `agent:${row.agent_id}`,
      };
    }

    async function ticketOf(ticketId: string) {
      return server.db
        .selectFrom('tickets')
        .select(['status', 'priority'])
        .where('id', '=', ticketId)
        .executeTakeFirstOrThrow();
    }

    test('a visitor whose media left and stayed away past the grace loses the call, and the officer is told why', async () => {
      const { agent, kiosk, ticketId, callId, kioskIdentity, agentIdentity } =
        await callWithShortGrace();
      const agentTold = nextEvent(agent, 'call:ended');
      const kioskTold = nextEvent(kiosk, 'call:ended');
      await report(callId, 'participant_left', kioskIdentity);
      expect(await agentTold).toEqual({ callId, reason: 'connection_lost' });
      expect(await kioskTold).toEqual({ callId, reason: 'connection_lost' });
      expect(await ticketOf(ticketId)).toMatchObject({ status: 'abandoned' });
      const state = await queueState(server.db);
      expect(state.calls[0]).toMatchObject({ id: callId, end_reason: 'connection_lost' });
      expect(state.agents.find((a) => `agent:${a.user_id}` === agentIdentity)?.status).toBe(
        'wrap_up',
      );
      // The room is deleted with the call, so the media cannot go on without it.
      await expect.poll(async () => (await rooms.listRooms([roomOf(callId)])).length).toBe(0);
    });

    test('a call room stays open a little longer than the grace after everyone left', async () => {
      const { callId } = await callWithShortGrace();
      const [room] = await rooms.listRooms([roomOf(callId)]);
      expect(room?.departureTimeout).toBe(11);
    });

    test('media that comes back within the grace keeps the call going', async () => {
      const { agent, callId, kioskIdentity } = await callWithShortGrace();
      let ended = false;
      agent.on('call:ended', () => (ended = true));
      await report(callId, 'participant_left', kioskIdentity);
      await report(callId, 'participant_joined', kioskIdentity);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(ended).toBe(false);
      const state = await queueState(server.db);
      expect(state.calls[0]).toMatchObject({ id: callId, ended_at: null });
      expect(await server.db.selectFrom('timers').selectAll().execute()).toEqual([]);
    });

    test('an officer whose media stayed away past the grace sends the visitor back to the front', async () => {
      const { kiosk, ticketId, callId, agentIdentity } = await callWithShortGrace();
      const kioskTold = nextEvent(kiosk, 'call:ended');
      await report(callId, 'participant_left', agentIdentity);
      expect(await kioskTold).toEqual({ callId, reason: 'connection_lost' });
      expect(await ticketOf(ticketId)).toMatchObject({ priority: 'transfer' });
      expect((await ticketOf(ticketId)).status).not.toBe('abandoned');
    });

    test('a room that finished under an active call ends it at once and requeues the visitor', async () => {
      const { agent, ticketId, callId, agentIdentity } = await callWithShortGrace();
      const agentTold = nextEvent(agent, 'call:ended');
      await report(callId, 'room_finished');
      expect(await agentTold).toEqual({ callId, reason: 'connection_lost' });
      expect(await ticketOf(ticketId)).toMatchObject({ priority: 'transfer' });
      // The officer is still signed in: wrapping up, not taken offline.
      const { agents } = await queueState(server.db);
      expect(agents.find((a) => `agent:${a.user_id}` === agentIdentity)?.status).toBe('wrap_up');
    });

    test('a manager’s monitor leaving the room changes nothing', async () => {
      const { agent, callId } = await callWithShortGrace();
      let ended = false;
      agent.on('call:ended', () => (ended = true));
      await report(callId, 'participant_left', 'monitor:someone');
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(ended).toBe(false);
      expect(await server.db.selectFrom('timers').selectAll().execute()).toEqual([]);
    });

    test.each([
      {
        case: 'signed with another secret',
        secret: 'another-secret-another-secret-xx',
        tamper: false,
      },
      { case: 'body changed after signing', secret: null, tamper: true },
      { case: 'no signature at all', secret: 'none', tamper: false },
    ])('$case → 401 and nothing changes', async ({ secret, tamper }) => {
      const call = await activeCall();
      const before = await queueState(server.db);
      const body = eventBody(call.callId);
      const auth =
        secret === 'none'
          ? ''
          : await signWebhook(body, livekitServer.apiKey, secret ?? livekitServer.apiSecret);
      const sent = tamper ? body.replace('participant_left', 'room_finished') : body;
      expect((await post(sent, auth)).status).toBe(401);
      expect(await mediaAudit()).toEqual([]);
      expect(await queueState(server.db)).toEqual(before);
    });
  });
});
