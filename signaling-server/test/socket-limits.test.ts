import { NAMESPACES, SOCKET_PATH } from '@loket/shared';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import { EVENT_LIMITS, MAX_MESSAGE_BYTES } from '../src/realtime/socket-limits.js';
import { startServer, storeSnapshot, type TestServer } from './harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const closed = (socket: { once(event: 'disconnect', f: (reason: string) => void): void }) =>
  new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('one socket flooding', () => {
  test('is refused RATE_LIMITED, then disconnected, while another client is served', async () => {
    server = await startServer();
    const flooder = await server.kiosk();
    // As a kiosk screen does on connecting: what its connection writes is written by then.
    expect((await flooder.emitWithAck('kiosk:bootstrap', {})).ok).toBe(true);
    const manager = await server.manager(await server.login('koordinator'));
    const before = await storeSnapshot(server.db);
    const gone = closed(flooder);
    const count = EVENT_LIMITS.eventBurst + EVENT_LIMITS.refusalsBeforeDisconnect + 40;
    const answers: Promise<string>[] = [];
    for (let i = 0; i < count; i += 1) {
      answers.push(
        flooder
          .timeout(5000)
          .emitWithAck('ticket:cancel', { ticketId: `t${i}` })
          .then(
            (ack) => (ack.ok ? 'ok' : ack.error.code),
            () => 'no answer',
          ),
      );
    }
    // The manager's commands are answered during the flood.
    for (let i = 0; i < 5; i += 1) {
      expect((await manager.emitWithAck('queue:snapshot', {})).ok).toBe(true);
    }
    expect(await gone).toBe('io server disconnect');
    const codes = await Promise.all(answers);
    expect(codes.filter((code) => code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(
      EVENT_LIMITS.refusalsBeforeDisconnect,
    );
    // Nothing got past the budget once the refusals began: no event was answered ok.
    expect(codes).not.toContain('ok');
    expect(await storeSnapshot(server.db)).toEqual(before);
    expect((await manager.emitWithAck('queue:snapshot', {})).ok).toBe(true);
    // Coming back at once does not buy a fresh burst: the budget belongs to the kiosk.
    // (A fresh socket's budget would let a whole burst through.)
    const again = await server.kiosk();
    const burst = await Promise.all(
      Array.from({ length: EVENT_LIMITS.eventBurst }, (_, i) =>
        again.emitWithAck('ticket:cancel', { ticketId: `again${i}` }),
      ),
    );
    expect(
      burst.filter((ack) => !ack.ok && ack.error.code === 'RATE_LIMITED').length,
    ).toBeGreaterThan(0);
  });

  test('a message larger than the server takes closes the socket', async () => {
    server = await startServer();
    const kiosk = await server.kiosk();
    const gone = closed(kiosk);
    kiosk.emit('ticket:cancel', { ticketId: 'x'.repeat(MAX_MESSAGE_BYTES + 1) }, () => undefined);
    expect(await gone).not.toBe('io client disconnect');
  });
});

describe('connections from one address', () => {
  test('are capped, and a closed one makes room again', async () => {
    server = await startServer({ config: { maxConnectionsPerAddress: 3 } });
    // Four kiosks, since a kiosk's second connection would replace its first.
    const tokens = [
      server.demo.kioskToken,
      ...(await Promise.all([1, 2, 3].map(() => server!.enrolKiosk()))),
    ];
    const open = [
      await server.kiosk(tokens[0]),
      await server.kiosk(tokens[1]),
      await server.kiosk(tokens[2]),
    ];
    await expect(server.kiosk(tokens[3])).rejects.toThrow();
    open[0]!.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await server.kiosk(tokens[3]);
    expect(again.connected).toBe(true);
  });

  test('reconnecting in a loop is refused, though none stays open', async () => {
    server = await startServer({ config: { maxConnectionsPerAddress: 3 } });
    for (let i = 0; i < 6; i += 1) (await server.kiosk()).close();
    await expect(server.kiosk()).rejects.toThrow();
  });

  test('count every namespace alike', async () => {
    server = await startServer({ config: { maxConnectionsPerAddress: 2 } });
    await server.kiosk();
    await server.manager(await server.login('koordinator'));
    const socket = io(`${server.url}${NAMESPACES.agent}`, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(error.message).toBeTruthy();
  });
});
