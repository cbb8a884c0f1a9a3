import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import { namespacesOf } from './namespaces.js';
import { othersMayBeIn, roomMembers } from './room-members.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A socket.io server whose kiosks join the rooms their handshake names. */
async function serverWithRooms() {
  const server = http.createServer();
  const io = new Server(server, { transports: ['websocket'] });
  const { kiosks } = namespacesOf(io);
  kiosks.on('connection', (socket) => {
    void socket.join(String(socket.handshake.auth.rooms).split(','));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(() => new Promise((resolve) => void io.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kiosk`;
  const client = async (rooms: string[]) => {
    const socket: ClientSocket = connect(url, { auth: { rooms }, transports: ['websocket'] });
    stops.push(async () => void socket.close());
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    return socket;
  };
  return { kiosks, client };
}

const idsOf = (members: { id: string }[]) => members.map((member) => member.id).sort();

describe("a room's members on a single instance", () => {
  test('are the sockets fetchSockets finds there, and none for an empty room', async () => {
    const { kiosks, client } = await serverWithRooms();
    await client(['kiosk:a', 'office:1']);
    await client(['kiosk:b', 'office:1']);
    await client(['kiosk:c', 'office:2']);
    await expect.poll(() => kiosks.sockets.size).toBe(3);
    const membersOf = roomMembers(kiosks, false);
    for (const room of ['kiosk:a', 'office:1', 'office:2', 'kiosk:none']) {
      expect(idsOf(await membersOf(room))).toEqual(idsOf(await kiosks.in(room).fetchSockets()));
    }
    expect(await membersOf('office:1')).toHaveLength(2);
    expect(await membersOf('kiosk:none')).toEqual([]);
  });

  test('can be told and closed like fetched ones', async () => {
    const { kiosks, client } = await serverWithRooms();
    const kiosk = await client(['kiosk:a']);
    const told = new Promise((resolve) => kiosk.once('kiosk:replaced', resolve));
    const closed = new Promise((resolve) => kiosk.once('disconnect', resolve));
    await expect.poll(() => kiosks.sockets.size).toBe(1);
    const [member] = await roomMembers(kiosks, false)('kiosk:a');
    member!.emit('kiosk:replaced', {});
    member!.disconnect(true);
    await expect(told).resolves.toEqual({});
    await expect(closed).resolves.toBe('io server disconnect');
  });
});

describe('whether others may be in a room', () => {
  test('on a single instance, the adapter says: a room of only the socket asking holds no others', async () => {
    const { kiosks, client } = await serverWithRooms();
    await client(['kiosk:a', 'office:1']);
    await expect.poll(() => kiosks.sockets.size).toBe(1);
    const othersIn = othersMayBeIn(kiosks, false);
    const [only] = await roomMembers(kiosks, false)('kiosk:a');
    expect(othersIn('kiosk:none')).toBe(false);
    expect(othersIn('kiosk:a')).toBe(true);
    expect(othersIn('kiosk:a', only!.id)).toBe(false);
    await client(['kiosk:a']);
    await expect.poll(() => kiosks.sockets.size).toBe(2);
    expect(othersIn('kiosk:a', only!.id)).toBe(true);
  });

  test('in a cluster, another instance may hold one, so they may always be', async () => {
    const { kiosks } = await serverWithRooms();
    expect(othersMayBeIn(kiosks, true)('kiosk:none')).toBe(true);
  });
});
