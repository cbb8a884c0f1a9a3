import { createHash, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { AccessToken, RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { startLiveKit, type LiveKitProcess } from '../../e2e/support/livekit-server.js';
import { LiveKit, roomOf } from '../src/media/livekit.js';
import { livekitMedia } from '../src/media/provider.js';
import { revokeKioskByName } from '../src/use-cases/kiosk-enrolment.js';
import { nextEvent, startServer, type TestServer } from './harness.js';
import { offeredTicket } from './support/calls.js';

// A kiosk's LiveKit identity names its media generation, which moves on when another holder
// takes the kiosk over. These tests join rooms over LiveKit's signalling connection alone (no
// media), which is enough for livekit-server to count a participant in the room. LiveKit reports
// a join by webhook only once media flows, so the tests send those reports themselves, signed
// as livekit-server signs them.

const log = pino({ level: 'silent' });

let server: TestServer;
let livekit: LiveKitProcess;
let rooms: RoomServiceClient;

beforeAll(async () => {
  livekit = await startLiveKit();
  rooms = new RoomServiceClient(
    livekit.url.replace(/^ws/, 'http'),
    livekit.apiKey,
    livekit.apiSecret,
  );
}, 30_000);
afterAll(() => livekit?.stop());
beforeEach(async () => {
  server = await startServer();
  server.app.ctx.media = livekitMedia(new LiveKit(livekit), log);
});
afterEach(() => server.close());

/** Joins a room with a token as any holder of it could; resolves when the server drops it. */
function joinWith(token: string): { closed: Promise<void>; leave: () => void } {
  const socket = new WebSocket(
    `${livekit.url}/rtc?access_token=${token}&auto_subscribe=0&sdk=js&version=2.15.0&protocol=16`,
  );
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { closed, leave: () => socket.close() };
}

/** Tells Loket, signed as livekit-server signs its webhooks, that `identity` joined the call. */
async function reportJoined(callId: string, identity: string): Promise<void> {
  const body = JSON.stringify({
    event: 'participant_joined',
    id: `EV_${randomUUID()}`,
    createdAt: Math.floor(Date.now() / 1000),
    room: { name: roomOf(callId) },
    participant: { identity },
  });
  const token = new AccessToken(livekit.apiKey, livekit.apiSecret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  const response = await fetch(`${server.url}/livekit/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
    body,
  });
  expect(response.status).toBe(200);
}

async function identitiesIn(callId: string): Promise<string[]> {
  return (await rooms.listParticipants(roomOf(callId))).map((p) => p.identity).sort();
}

async function identityOf(token: string): Promise<string> {
  const claims = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(token);
  return claims.sub ?? '';
}

async function staleRemovals(callId: string): Promise<number> {
  const rows = await server.db
    .selectFrom('audit_log')
    .select('subject_id')
    .where('action', '=', 'media.stale_kiosk_removed')
    .execute();
  return rows.filter((row) => row.subject_id === callId).length;
}

/** A call between the demo kiosk and Sari; the kiosk's own token for it. */
async function kioskInCall() {
  const { kiosk, agent, ticketId } = await offeredTicket(server);
  const started = nextEvent(kiosk, 'call:started');
  const accepted = await agent.emitWithAck('offer:accept', { ticketId });
  if (!accepted.ok) throw new Error(accepted.error.code);
  const start = await started;
  return { kiosk, agent, callId: start.callId, token: start.livekit!.token };
}

describe('a kiosk’s identity in its call’s media', () => {
  test('a connection that takes a live kiosk over puts the earlier holder out, and its kept token cannot bring it back', async () => {
    const { kiosk, agent, callId, token } = await kioskInCall();
    const before = await identityOf(token);
    expect(before).toMatch(/^kiosk:.+:\d+$/);
    const earlier = joinWith(token);
    await expect.poll(() => identitiesIn(callId)).toContain(before);

    // Someone else opens the kiosk with its credential: the newest connection wins.
    const replaced = nextEvent(kiosk, 'kiosk:replaced');
    const taker = await server.kiosk();
    await replaced;
    await earlier.closed;
    expect(await identitiesIn(callId)).not.toContain(before);

    // The new holder is told of the call under a new identity, and may join it.
    const boot = await taker.emitWithAck('kiosk:bootstrap', {});
    if (!boot.ok || !boot.data.call?.livekit) throw new Error('no call in the bootstrap');
    const after = await identityOf(boot.data.call.livekit.token);
    expect(after).not.toBe(before);
    const current = joinWith(boot.data.call.livekit.token);
    await expect.poll(() => identitiesIn(callId)).toContain(after);
    await reportJoined(callId, after);

    // The token the earlier holder kept is still signed and unexpired, but its identity is no
    // longer the kiosk's: joining with it again is answered by putting it out at once.
    const replay = joinWith(token);
    await expect.poll(() => identitiesIn(callId)).toContain(before);
    await reportJoined(callId, before);
    await replay.closed;
    await expect.poll(() => staleRemovals(callId)).toBe(2);
    expect(await identitiesIn(callId)).toEqual([after]);

    // The visitor's call went on throughout, with nobody's media about to run out.
    const call = await server.db
      .selectFrom('calls')
      .select('ended_at')
      .where('id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(call.ended_at).toBeNull();
    await expect
      .poll(async () =>
        (await server.db.selectFrom('timers').select('kind').execute()).map((t) => t.kind),
      )
      .not.toContain('media_grace');

    current.leave();
    await taker.emitWithAck('call:end', { callId });
    agent.close();
    taker.close();
  });

  test('a kiosk that reconnects after its socket dropped keeps its identity and its media', async () => {
    const { kiosk, agent, callId, token } = await kioskInCall();
    const identity = await identityOf(token);
    const media = joinWith(token);
    await expect.poll(() => identitiesIn(callId)).toContain(identity);
    kiosk.close();
    const again = await server.kiosk();
    const boot = await again.emitWithAck('kiosk:bootstrap', {});
    if (!boot.ok || !boot.data.call?.livekit) throw new Error('no call in the bootstrap');
    expect(await identityOf(boot.data.call.livekit.token)).toBe(identity);
    expect(await identitiesIn(callId)).toEqual([identity]);
    media.leave();
    await again.emitWithAck('call:end', { callId });
    agent.close();
    again.close();
  });

  test('a revoked kiosk is put out of its call’s media within a sweep', async () => {
    const { agent, callId, token } = await kioskInCall();
    const media = joinWith(token);
    await expect.poll(() => identitiesIn(callId)).toContain(await identityOf(token));
    const kiosk = await server.db.selectFrom('kiosks').select('name').executeTakeFirstOrThrow();
    await revokeKioskByName(server.db, Date.now(), {
      officeId: server.officeId,
      name: kiosk.name,
    });
    await media.closed;
    expect(await identitiesIn(callId)).toEqual([]);
    agent.close();
  });
});
