import { randomUUID } from 'node:crypto';
import { NAMESPACES, SOCKET_PATH } from '@loket/shared';
import { io } from 'socket.io-client';
import { kioskOfCredential } from '../src/auth/kiosk-credentials.js';
import { hashToken, newToken } from '../src/auth/tokens.js';
import { randomIds } from '../src/ids.js';
import { afterEach, describe, expect, test } from 'vitest';
import { revokedKioskSweep } from '../src/scheduling/revoked-kiosks.js';
import { issuePairing, revokeKioskByName } from '../src/use-cases/kiosk-enrolment.js';
import {
  nextEvent,
  startServer,
  storeSnapshot,
  type KioskSocket,
  type TestServer,
} from './harness.js';

let server: TestServer;
afterEach(() => server.close());

const KIOSK = 'Kios lobi 1';

function pairing(ttlMs = 60_000) {
  return issuePairing(
    server.db,
    { clock: Date.now, ids: randomIds },
    { officeId: server.officeId, name: KIOSK, ttlMs },
  );
}

async function pair(code: string) {
  const response = await fetch(`${server.url}/api/kiosk/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const body = (await response.json()) as { credential?: string; error?: { code: string } };
  return { status: response.status, ...body };
}

/** A kiosk socket and the credential its bootstrap hands over, as the kiosk asks on connecting. */
function kioskHandedCredential(token: string) {
  const socket = io(`${server.url}${NAMESPACES.kiosk}`, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token },
  }) as KioskSocket;
  const credential = new Promise<void>((resolve) => socket.once('connect', resolve))
    .then(() => socket.emitWithAck('kiosk:bootstrap', {}))
    .then((answer) => {
      if (!answer.ok || !answer.data.credential) throw new Error('no credential handed over');
      return answer.data.credential;
    });
  return { socket, credential };
}

const disconnected = (socket: KioskSocket) =>
  new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('pairing a kiosk', () => {
  test('a code gives the kiosk a credential once, typed in any case and with its dash', async () => {
    server = await startServer();
    const { code } = await pairing();
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const paired = await pair(typed);
    expect(paired.status).toBe(200);
    const kiosk = await server.kiosk(paired.credential);
    expect((await kiosk.emitWithAck('kiosk:bootstrap', {})).ok).toBe(true);
    const before = await storeSnapshot(server.db);
    expect(await pair(code)).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
    expect(await storeSnapshot(server.db)).toEqual(before);
  });

  test('an expired code is refused and changes nothing', async () => {
    server = await startServer();
    const { code } = await pairing(-1);
    const before = await storeSnapshot(server.db);
    expect(await pair(code)).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
    expect(await storeSnapshot(server.db)).toEqual(before);
  });

  test('pairing again shuts out the credential held before, and its open socket', async () => {
    server = await startServer();
    const old = await server.kiosk();
    const closed = disconnected(old);
    const { code } = await pairing();
    expect((await pair(code)).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    await expect(server.kiosk()).rejects.toThrow('UNAUTHENTICATED');
  });

  test('guessing codes is refused after ten tries a minute from one address', async () => {
    server = await startServer();
    const answers: number[] = [];
    for (let i = 0; i < 11; i += 1)
      answers.push((await pair(`ZZZZ${1000 + i}`.slice(0, 8))).status);
    expect(answers.slice(0, 10).every((status) => status === 404)).toBe(true);
    expect(answers[10]).toBe(429);
  });
});

describe('a kiosk credential', () => {
  test('rotates: once the kiosk uses the one it was handed, the one before stops working', async () => {
    server = await startServer();
    const first = kioskHandedCredential(server.demo.kioskToken);
    const credential = await first.credential;
    first.socket.close();
    const second = kioskHandedCredential(credential);
    await second.credential;
    second.socket.close();
    await expect(server.kiosk(server.demo.kioskToken)).rejects.toThrow('UNAUTHENTICATED');
  });

  test('asked again on one socket, a bootstrap hands over the same credential and reads the kiosk anew', async () => {
    server = await startServer();
    const kiosk = await server.kiosk(server.demo.kioskToken);
    const [first, alongside] = await Promise.all([
      kiosk.emitWithAck('kiosk:bootstrap', {}),
      kiosk.emitWithAck('kiosk:bootstrap', {}),
    ]);
    if (!first.ok || !alongside.ok) throw new Error('bootstrap refused');
    expect(first.data.credential).toEqual(expect.any(String));
    expect(alongside.data.credential).toBe(first.data.credential);
    expect(first.data.ticket).toBeNull();
    // An officer signed in but away: the ticket is taken and waits, offered to nobody.
    const officer = await server.agent(await server.login('petugas1'));
    await officer.emitWithAck('agent:setStatus', { status: 'away' });
    const created = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: first.data.services[0]!.id,
      language: 'id',
      needs: [],
    });
    if (!created.ok) throw new Error(created.error.code);
    const again = await kiosk.emitWithAck('kiosk:bootstrap', {});
    if (!again.ok) throw new Error(again.error.code);
    expect(again.data.credential).toBe(first.data.credential);
    expect(again.data.ticket?.id).toBe(created.data.ticket.id);
    kiosk.close();
    officer.close();
    // The credential handed over on this socket is the one that lets the kiosk in next.
    const next = kioskHandedCredential(first.data.credential!);
    await next.credential;
    next.socket.close();
  });

  test('kiosks connecting at once are each handed their own, and each lets only its kiosk in', async () => {
    server = await startServer();
    const tokens = [server.demo.kioskToken];
    for (let i = 0; i < 4; i += 1) tokens.push(await server.enrolKiosk());
    const first = tokens.map(kioskHandedCredential);
    const credentials = await Promise.all(first.map((kiosk) => kiosk.credential));
    for (const kiosk of first) kiosk.socket.close();
    expect(new Set(credentials).size).toBe(tokens.length);
    const again = credentials.map(kioskHandedCredential);
    await Promise.all(again.map((kiosk) => kiosk.credential));
    const ids = again.map((kiosk) => kiosk.socket.emitWithAck('kiosk:bootstrap', {}));
    const firstIds = (await Promise.all(ids)).map((answer) =>
      answer.ok ? answer.data.kioskId : null,
    );
    for (const kiosk of again) kiosk.socket.close();
    expect(new Set(firstIds).size).toBe(tokens.length);
    // Each kiosk used the one it was handed, so the one before stops working for all of them.
    for (const token of tokens) {
      await expect(server.kiosk(token)).rejects.toThrow('UNAUTHENTICATED');
    }
  });

  test('made before credentials named their kiosk still lets it in, and is replaced by one that does', async () => {
    server = await startServer();
    const legacy = newToken();
    await server.db
      .updateTable('kiosks')
      .set({ token_hash: hashToken(legacy) })
      .where('name', '=', KIOSK)
      .execute();
    const kiosk = await server.db
      .selectFrom('kiosks')
      .select('id')
      .where('name', '=', KIOSK)
      .executeTakeFirstOrThrow();

    const first = kioskHandedCredential(legacy);
    const credential = await first.credential;
    first.socket.close();
    const second = kioskHandedCredential(credential);
    await second.credential;
    second.socket.close();

    expect(kioskOfCredential(legacy)).toBeNull();
    expect(kioskOfCredential(credential)).toBe(kiosk.id);
    await expect(server.kiosk(legacy)).rejects.toThrow('UNAUTHENTICATED');
  });

  test('naming another kiosk than the one that holds it lets nobody in', async () => {
    server = await startServer();
    const other = kioskOfCredential(await server.enrolKiosk())!;
    const secret = server.demo.kioskToken.slice(server.demo.kioskToken.lastIndexOf('.') + 1);

    await expect(server.kiosk(`${other}.${secret}`)).rejects.toThrow('UNAUTHENTICATED');
    await expect(server.kiosk(`no-such-kiosk.${secret}`)).rejects.toThrow('UNAUTHENTICATED');
    expect((await (await server.kiosk()).emitWithAck('kiosk:bootstrap', {})).ok).toBe(true);
  });

  test('still works if the kiosk never stored the next one', async () => {
    server = await startServer();
    (await server.kiosk()).close();
    const again = await server.kiosk();
    expect((await again.emitWithAck('kiosk:bootstrap', {})).ok).toBe(true);
  });

  test('held by a second screen takes the connection, and the first is told why', async () => {
    server = await startServer();
    const first = await server.kiosk();
    const replaced = nextEvent(first, 'kiosk:replaced');
    const closed = disconnected(first);
    const second = await server.kiosk();
    await replaced;
    expect(await closed).toBe('io server disconnect');
    expect(second.connected).toBe(true);
  });

  test('revoked from the command line is shut out within a sweep, open socket and all', async () => {
    server = await startServer();
    const kiosk = await server.kiosk();
    const closed = disconnected(kiosk);
    expect(
      await revokeKioskByName(server.db, Date.now(), { officeId: server.officeId, name: KIOSK }),
    ).toBe(true);
    expect(await closed).toBe('io server disconnect');
    await expect(server.kiosk()).rejects.toThrow('UNAUTHENTICATED');
  });

  test('revoked by a transaction that committed after a sweep had already looked is still shut out', async () => {
    server = await startServer();
    const kiosk = await server.kiosk();
    const closed = disconnected(kiosk);
    const sweep = revokedKioskSweep(server.app.ctx);
    await sweep();
    // Stamped before that sweep's look, seen only after it: a revocation's commit can be late.
    await revokeKioskByName(server.db, Date.now() - 1000, {
      officeId: server.officeId,
      name: KIOSK,
    });
    await sweep();
    const gaveUp = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 2000));
    expect(await Promise.race([closed, gaveUp])).toBe('io server disconnect');
  });
});
