import { sql } from 'kysely';
import { pino } from 'pino';
import type { Socket } from 'socket.io';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { startServer, type TestServer } from '../../test/harness.js';
import { openDemoDatabase, type TestDatabase } from '../../test/test-database.js';
import { hashToken } from '../auth/tokens.js';
import type { ServiceContext } from '../context/context.js';
import { isPostgres, type Db } from '../store/database.js';
import { kioskAuth, userAuth } from './auth.js';

/** Makes every update of `table` fail, as a full disk or a lost lock would, while reads work. */
async function refuseUpdates(db: Db, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      create function refuse_update() returns trigger language plpgsql
      as $$ begin raise exception 'updates refused'; end $$`.execute(db);
    await sql`
      create trigger refuse_update before update on ${sql.table(table)}
      for each row execute function refuse_update()`.execute(db);
  } else {
    await sql`
      create trigger refuse_update before update on ${sql.table(table)}
      begin select raise(abort, 'updates refused'); end`.execute(db);
  }
}

/** A credential handed to every kiosk as its pending one, which its next connection makes current. */
const PENDING = 'p'.repeat(43);

/** Hands every kiosk `PENDING` as its next credential, then makes its table refuse updates. */
async function refusePromotion(db: Db): Promise<void> {
  await db
    .updateTable('kiosks')
    .set({ pending_token_hash: hashToken(PENDING) })
    .execute();
  await refuseUpdates(db, 'kiosks');
}

/** Where a kiosk handshake tells of a pending credential, for handshakes that present none. */
const noPending = () => {
  throw new Error('no pending credential was presented');
};

/** Takes `table` away, so every query on it fails. */
async function removeTable(db: Db, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} rename to ${sql.table(`${table}_gone`)}`.execute(db);
}

describe('a store failing during a socket handshake', () => {
  let server: TestServer;
  let agentCookie: string;
  let managerCookie: string;
  // Seeding and signing in hash passwords at production cost: done in hooks, not under test time.
  beforeEach(async () => {
    server = await startServer();
    agentCookie = await server.login('petugas1');
    managerCookie = await server.login('koordinator');
  });
  afterEach(() => server.close());

  test.each([
    {
      name: 'a kiosk when its table cannot be read',
      namespace: 'kiosk',
      breakStore: (db: Db) => removeTable(db, 'kiosks'),
    },
    {
      name: 'an agent console when sessions cannot be read',
      namespace: 'agent',
      breakStore: (db: Db) => removeTable(db, 'sessions'),
    },
    {
      name: 'a manager dashboard when sessions cannot be read',
      namespace: 'manager',
      breakStore: (db: Db) => removeTable(db, 'sessions'),
    },
  ] as const)(
    '$name is refused with INTERNAL and the server keeps serving',
    async ({ namespace, breakStore }) => {
      const connect = {
        kiosk: () => server.kiosk(PENDING),
        agent: () => server.agent(agentCookie),
        manager: () => server.manager(managerCookie),
      };
      await breakStore(server.db);

      await expect(connect[namespace]()).rejects.toMatchObject({
        message: 'INTERNAL',
        data: { code: 'INTERNAL' },
      });

      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      if (namespace === 'kiosk') {
        const agent = await server.agent(agentCookie);
        expect(await agent.emitWithAck('agent:bootstrap', {})).toMatchObject({ ok: true });
      } else {
        const kiosk = await server.kiosk();
        expect(await kiosk.emitWithAck('kiosk:bootstrap', {})).toMatchObject({ ok: true });
      }
    },
  );
});

describe('a kiosk whose connection cannot be written', () => {
  test('is let in with its pending credential and handed no next one; both it and the one before keep working, and the log says why', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line)) },
    );
    const server = await startServer({ log });
    try {
      await refusePromotion(server.db);
      const kiosk = await server.kiosk(PENDING);
      expect(await kiosk.emitWithAck('kiosk:bootstrap', {})).toMatchObject({
        ok: true,
        data: { credential: null },
      });
      kiosk.close();
      expect(lines).toContainEqual(
        expect.objectContaining({ level: 50, msg: 'handing the kiosk its next credential failed' }),
      );
      for (const token of [PENDING, server.demo.kioskToken]) (await server.kiosk(token)).close();
    } finally {
      await server.close();
    }
  });
});

describe('the handshake middlewares on their own', () => {
  const next = vi.fn();
  let store: TestDatabase;
  beforeAll(async () => {
    store = await openDemoDatabase();
  });
  afterAll(() => store.dispose());

  /** A logger whose lines are kept, parsed, for the test to read. */
  function capturedLog() {
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line)) },
    );
    return { log, lines };
  }

  /** What a handshake uses of the server: its store, clock and log. */
  function contextOf(db: Db, log: pino.Logger): ServiceContext {
    return { db, clock: Date.now, log } as Partial<ServiceContext> as ServiceContext;
  }

  /** A socket mid-handshake, with no cookie. */
  function handshake(namespace: string, auth: object): Socket {
    return {
      id: 'socket-1',
      nsp: { name: namespace },
      handshake: { auth, headers: {}, address: '10.0.0.7' },
      data: {},
      join: () => undefined,
    } as unknown as Socket;
  }

  test.each([
    {
      name: 'a kiosk with an unknown token',
      run: (db: Db, log: pino.Logger) =>
        kioskAuth(contextOf(db, log), noPending)(
          handshake('/kiosk', { token: 'x'.repeat(43) }),
          next,
        ),
      code: 'UNAUTHENTICATED',
      level: 30,
      msg: 'socket refused',
      namespace: '/kiosk',
    },
    {
      name: 'an agent console without a cookie',
      run: (db: Db, log: pino.Logger) =>
        userAuth(contextOf(db, log), ['agent'])(handshake('/agent', {}), next),
      code: 'UNAUTHENTICATED',
      level: 30,
      msg: 'socket refused',
      namespace: '/agent',
    },
    {
      name: 'a kiosk when its table cannot be read',
      run: async (db: Db, log: pino.Logger) => {
        await removeTable(db, 'kiosks');
        kioskAuth(contextOf(db, log), noPending)(handshake('/kiosk', { token: PENDING }), next);
      },
      code: 'INTERNAL',
      level: 50,
      msg: 'socket handshake failed',
      namespace: '/kiosk',
    },
  ])('$name: next gets $code once and the log says why', async (row) => {
    const { log, lines } = capturedLog();
    next.mockClear();
    await row.run(store.db, log);
    await vi.waitFor(() => expect(next).toHaveBeenCalled());
    expect(next).toHaveBeenCalledTimes(1);
    expect(next.mock.calls[0]?.[0]).toMatchObject({
      message: row.code,
      data: { code: row.code, message: expect.any(String) },
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: row.level,
        msg: row.msg,
        namespace: row.namespace,
        socketId: 'socket-1',
        address: '10.0.0.7',
      }),
    ]);
  });

  test('a connection handler that throws is logged, not left unhandled', async () => {
    const { log, lines } = capturedLog();
    const throwing = vi.fn(() => {
      throw new Error('handler broke');
    });
    userAuth(contextOf(store.db, log), ['agent'])(handshake('/agent', {}), throwing);
    await vi.waitFor(() =>
      expect(lines.at(-1)).toMatchObject({ level: 50, msg: 'socket connection handler failed' }),
    );
    expect(throwing).toHaveBeenCalledTimes(1);
  });
});
