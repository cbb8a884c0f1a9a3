import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { RoomServiceClient, TokenVerifier, TrackSource } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLiveKit, type LiveKitProcess } from '../../../e2e/support/livekit-server.js';
import { grantFor, LiveKit, roomOf, TOKEN_TTL_SECONDS } from './livekit.js';
import { livekitMedia, MediaUnavailableError, type MediaProvider } from './provider.js';

const log = pino({ level: 'silent' });

describe('what each role may do in a call room', () => {
  test.each([
    {
      role: 'kiosk' as const,
      publish: true,
      sources: [TrackSource.CAMERA, TrackSource.MICROPHONE],
      hidden: undefined,
    },
    {
      role: 'agent' as const,
      publish: true,
      sources: [
        TrackSource.CAMERA,
        TrackSource.MICROPHONE,
        TrackSource.SCREEN_SHARE,
        TrackSource.SCREEN_SHARE_AUDIO,
      ],
      hidden: undefined,
    },
    { role: 'monitor' as const, publish: false, sources: undefined, hidden: true },
  ])('$role: publish $publish, hidden $hidden', async ({ role, publish, sources, hidden }) => {
    const grant = await grantFor('loket-call-c1', role);
    expect(grant).toMatchObject({ roomJoin: true, room: 'loket-call-c1', canSubscribe: true });
    expect(grant.canPublish).toBe(publish);
    expect(grant.canPublishSources).toEqual(sources);
    expect(grant.hidden).toBe(hidden);
    // Never administration: no creating, listing or managing rooms.
    expect(grant.roomCreate ?? false).toBe(false);
    expect(grant.roomAdmin ?? false).toBe(false);
    expect(grant.roomList ?? false).toBe(false);
  });
});

describe('minted tokens', () => {
  const livekit = new LiveKit({
    url: 'ws://127.0.0.1:1',
    apiKey: 'key',
    apiSecret: 'x'.repeat(32),
  });

  test('name one room and one identity and expire within two minutes', async () => {
    const jwt = await livekit.mintToken({
      room: roomOf('c1'),
      identity: 'kiosk:k1',
      name: 'A-001',
      role: 'kiosk',
    });
    const claims = await new TokenVerifier('key', 'x'.repeat(32)).verify(jwt);
    expect(claims.sub).toBe('kiosk:k1');
    expect(claims.video?.room).toBe('loket-call-c1');
    expect(TOKEN_TTL_SECONDS).toBeLessThanOrEqual(120);
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBeLessThanOrEqual(120);
  });
});

describe('against the real livekit-server', () => {
  let server: LiveKitProcess;
  let livekit: LiveKit;
  let media: MediaProvider;
  let rooms: RoomServiceClient;
  let http: string;

  /** Webhooks as livekit-server sent them: raw body and Authorization header. */
  const webhooks: { body: string; authorization: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      webhooks.push({ body, authorization: req.headers.authorization ?? '' });
      res.end();
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    server = await startLiveKit({ webhookUrl: `http://127.0.0.1:${port}/livekit/webhook` });
    livekit = new LiveKit(server);
    media = livekitMedia(livekit, log);
    http = server.url.replace(/^ws/, 'http');
    rooms = new RoomServiceClient(http, server.apiKey, server.apiSecret);
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    receiver.close();
  });

  /** What livekit-server answers a client that tries to join with `token` (200 = may join). */
  async function tryJoin(token: string): Promise<number> {
    return (await fetch(`${http}/rtc/validate?access_token=${token}`)).status;
  }

  async function tokenOf(callId: string, role: 'kiosk' | 'agent' | 'monitor' = 'kiosk') {
    const join = await media.join(callId, { role, id: 'p1', name: 'someone' });
    if (!join.livekit) throw new Error('no LiveKit token');
    expect(join).toMatchObject({ transport: 'livekit', livekit: { url: server.url } });
    return join.livekit.token;
  }

  test('a call gets its own room, and its parties may join it', async () => {
    await media.openCall('call-a');
    expect((await rooms.listRooms([roomOf('call-a')])).map((r) => r.name)).toEqual([
      roomOf('call-a'),
    ]);
    expect(await tryJoin(await tokenOf('call-a', 'kiosk'))).toBe(200);
    expect(await tryJoin(await tokenOf('call-a', 'agent'))).toBe(200);
    expect(await tryJoin(await tokenOf('call-a', 'monitor'))).toBe(200);
    await media.closeCall('call-a');
  });

  test('a token for room A is refused in room B, and for anything but joining A', async () => {
    await media.openCall('room-a');
    await media.openCall('room-b');
    const tokenA = await tokenOf('room-a');
    // The room comes from the token alone: asking for B still lands in A.
    const claims = await new TokenVerifier(server.apiKey, server.apiSecret).verify(tokenA);
    expect(claims.video?.room).toBe(roomOf('room-a'));
    // Reaching room B through the server API with A's token is refused.
    const listB = await fetch(`${http}/twirp/livekit.RoomService/ListParticipants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ room: roomOf('room-b') }),
    });
    expect(listB.status).toBe(401);
    // A token for a room that was never made cannot join at all.
    expect(await tryJoin(await tokenOf('never-opened'))).not.toBe(200);
    await media.closeCall('room-a');
    await media.closeCall('room-b');
  });

  test('a token replayed after the call ended cannot join', async () => {
    await media.openCall('ended');
    const token = await tokenOf('ended');
    expect(await tryJoin(token)).toBe(200);
    await media.closeCall('ended');
    expect(await rooms.listRooms([roomOf('ended')])).toEqual([]);
    expect(await tryJoin(token)).toBe(404);
    // Closing twice is harmless.
    await media.closeCall('ended');
  });

  test('webhooks signed by livekit-server are accepted, and refused once altered', async () => {
    await media.openCall('hooked');
    await media.closeCall('hooked');
    const deadline = Date.now() + 10_000;
    while (!webhooks.some((w) => w.body.includes(roomOf('hooked'))) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sent = webhooks.find((w) => w.body.includes(roomOf('hooked')));
    if (!sent) throw new Error('livekit-server sent no webhook for the room');
    const event = await livekit.receiveWebhook(sent.body, sent.authorization);
    expect(event.room?.name).toBe(roomOf('hooked'));
    const altered = sent.body.replace(roomOf('hooked'), roomOf('other'));
    await expect(livekit.receiveWebhook(altered, sent.authorization)).rejects.toThrow();
    const forged = new LiveKit({ ...server, apiSecret: 'not-the-secret-not-the-secret-00' });
    const forgedHeader = await forged.mintToken({
      room: 'x',
      identity: 'x',
      name: 'x',
      role: 'kiosk',
    });
    await expect(livekit.receiveWebhook(sent.body, forgedHeader)).rejects.toThrow();
  });

  test('an unreachable LiveKit server refuses to open a call', async () => {
    const gone = livekitMedia(
      new LiveKit({
        url: 'ws://127.0.0.1:9',
        apiKey: server.apiKey,
        apiSecret: server.apiSecret,
      }),
      log,
    );
    await expect(gone.openCall('x')).rejects.toBeInstanceOf(MediaUnavailableError);
  });
});
