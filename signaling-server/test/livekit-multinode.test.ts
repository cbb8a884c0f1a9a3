import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { RoomServiceClient } from 'livekit-server-sdk';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../e2e/support/free-port.js';
import {
  livekitMissingReason,
  startLiveKit,
  type LiveKitProcess,
} from '../../e2e/support/livekit-server.js';
import { LiveKit, roomOf } from '../src/media/livekit.js';
import { livekitMedia, type MediaProvider } from '../src/media/provider.js';
import { clusterMissingReason, startRedis, type Daemon } from './support/cluster.js';

// CI installs livekit-server; only a machine without it skips, saying why.
const missing = livekitMissingReason() ?? clusterMissingReason();
if (missing) console.warn(`LiveKit multi-node test skipped: ${missing}`);

/**
 * Joins a room as a LiveKit client does, over the signalling WebSocket of the node at `url`;
 * resolves once that node has answered the join. No media: the room's membership is what is shown.
 */
async function signalJoin(url: string, token: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url}/rtc?access_token=${token}&protocol=16&auto_subscribe=1`);
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`signalling closed (${code})`)));
  });
  return socket;
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(missing !== null)('LiveKit as two nodes over one Redis', () => {
  let redis: Daemon;
  let redisDir: string;
  const nodes: LiveKitProcess[] = [];
  const keys = { apiKey: 'multinode', apiSecret: randomBytes(24).toString('hex') };
  let media: MediaProvider;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-livekit-redis-'));
    redis = await startRedis(await freePort(), redisDir);
    for (let i = 0; i < 2; i++) {
      nodes.push(await startLiveKit({ redis: `127.0.0.1:${redis.port}`, keys }));
    }
    // Loket knows one node only, as an instance configured with one LIVEKIT_URL does.
    media = livekitMedia(new LiveKit({ url: nodes[0]!.url, ...keys }), pino({ level: 'silent' }));
  }, 40_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all(nodes.map((node) => node.stop()));
    await redis?.stop();
    if (redisDir) fs.rmSync(redisDir, { recursive: true, force: true });
  });

  const roomsOf = (node: LiveKitProcess) =>
    new RoomServiceClient(node.url.replace(/^ws/, 'http'), keys.apiKey, keys.apiSecret);

  test('a room Loket prepares on one node is joined through either node, and both see its parties', async () => {
    const tokens = await media.prepareRoom(
      'multi-1',
      'ticket-1',
      {
        kiosk: { role: 'kiosk', id: 'k1', name: 'A-001', generation: 1 },
        agent: { role: 'agent', id: 'u1', name: 'Officer' },
      },
      60_000,
    );
    expect(tokens).not.toBeNull();
    const [first, second] = [roomsOf(nodes[0]!), roomsOf(nodes[1]!)];
    expect((await second.listRooms([roomOf('multi-1')])).map((room) => room.name)).toEqual([
      roomOf('multi-1'),
    ]);

    // The kiosk comes in through the node Loket did not talk to, the officer through the other.
    sockets.push(await signalJoin(nodes[1]!.url, tokens!.kiosk.token));
    sockets.push(await signalJoin(nodes[0]!.url, tokens!.agent.token));

    for (const node of [first, second]) {
      const identities = await eventually(
        async () => (await node.listParticipants(roomOf('multi-1'))).map((p) => p.identity).sort(),
        (found) => found.length === 2,
      );
      expect(identities).toEqual(['agent:u1', 'kiosk:k1:1']);
    }
    expect((await first.listRooms()).map((room) => room.name)).toEqual([roomOf('multi-1')]);
    expect((await second.listRooms()).map((room) => room.name)).toEqual([roomOf('multi-1')]);

    // Closing the call through Loket's node ends the room everywhere.
    await media.closeCall('multi-1');
    expect(
      await eventually(
        () => second.listRooms(),
        (rooms) => rooms.length === 0,
      ),
    ).toEqual([]);
  }, 30_000);
});
