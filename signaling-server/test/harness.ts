import { randomUUID } from 'node:crypto';
import type { Admission } from '../src/queue/admission.js';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  agentContract,
  kioskContract,
  managerContract,
  NAMESPACES,
  SOCKET_PATH,
  ackSchema,
  type NamespaceContract,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type KioskClientToServerEvents,
  type KioskServerToClientEvents,
  type ManagerClientToServerEvents,
  type ManagerServerToClientEvents,
} from '@loket/shared';
import { sql } from 'kysely';
import { pino } from 'pino';
import { z } from 'zod';
import { io, type Socket } from 'socket.io-client';
import { createApp, type App, type AppDeps } from '../src/app.js';
import type { Logger } from '../src/log.js';
import { newKioskCredential } from '../src/auth/kiosk-credentials.js';
import { hashToken } from '../src/auth/tokens.js';
import { readDemoCredentials, type DemoCredentials } from '../src/demo/demo-data.js';
import { randomIds } from '../src/ids.js';
import { isPostgres, type Db } from '../src/store/database.js';
import { insertKiosk } from '../src/store/repositories/kiosks.js';
import type { MediaProvider } from '../src/media/provider.js';
import { openDemoDatabase } from './test-database.js';
import type { Recogniser } from '../src/captions/recogniser.js';

export type KioskSocket = Socket<KioskServerToClientEvents, KioskClientToServerEvents>;
export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;
export type ManagerSocket = Socket<ManagerServerToClientEvents, ManagerClientToServerEvents>;

/** A real server on a free port over a fresh database (SQLite or PostgreSQL) with the demo data. */
export interface TestServer {
  app: App;
  db: Db;
  /** Another, independent connection to the server's database, as a second instance has. */
  connect(): Db;
  url: string;
  demo: DemoCredentials;
  officeId: string;
  password(username: string): string;
  kiosk(token?: string): Promise<KioskSocket>;
  enrolKiosk(): Promise<string>;
  login(username: string, password?: string): Promise<string>;
  agent(cookie: string): Promise<AgentSocket>;
  manager(cookie: string): Promise<ManagerSocket>;
  close(): Promise<void>;
}

/** Options for a test server: short timers make timeouts testable. */
export interface TestServerOptions {
  offerTimeoutMs?: number;
  wrapUpMs?: number;
  reconnectGraceMs?: number;
  /** Call media other than the default peer-to-peer. */
  media?: MediaProvider;
  /** Settings other than the tests' defaults (limits, proxies, origins). */
  config?: Partial<AppDeps['config']>;
  /** Where the server logs; silent by default. */
  log?: Logger;
  /** Whether new tickets are taken; every one by default. */
  admission?: Admission;
  /** The office's own speech recogniser, behind `onprem` captions. */
  recogniser?: Recogniser;
}

function connected<S extends Socket>(socket: S): Promise<S> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Starts a test server; close it in afterAll/afterEach. */
export async function startServer(options: TestServerOptions = {}): Promise<TestServer> {
  const store = await openDemoDatabase();
  const { db, dir } = store;
  const demo = readDemoCredentials(path.join(dir, 'demo-credentials.json'));
  if (!demo) throw new Error('demo credentials missing');
  const office = await db.selectFrom('offices').select('id').executeTakeFirstOrThrow();
  const app = createApp({
    config: {
      offerTimeoutMs: options.offerTimeoutMs ?? 20_000,
      wrapUpMs: options.wrapUpMs ?? 0,
      reconnectGraceMs: options.reconnectGraceMs ?? 60_000,
      serviceLevel: { targetMs: 20_000, goal: 0.8 },
      sweepIntervalMs: 50,
      iceServers: [{ urls: 'stun:127.0.0.1:3478' }],
      sessionTtlMs: 3_600_000,
      secureCookies: false,
      loginRatePerMinute: 1000,
      loginFailuresPerUser: 1000,
      trustProxy: false,
      maxConnectionsPerAddress: 10_000,
      serveSourceMaps: false,
      corsOrigins: [],
      kioskDist: path.join(dir, 'no-kiosk'),
      consoleDist: path.join(dir, 'no-console'),
      ...options.config,
    },
    ...(options.media ? { media: options.media } : {}),
    ...(options.admission ? { admission: options.admission } : {}),
    ...(options.recogniser ? { recogniser: options.recogniser } : {}),
    db,
    clock: Date.now,
    ids: randomIds,
    log: options.log ?? pino({ level: 'silent' }),
  });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  /** Events and acks a client got that broke the contract; any fails the test at close. */
  const broken: string[] = [];
  const track = <S extends Socket>(socket: S, contract: NamespaceContract) => {
    sockets.push(socket);
    socket.onAny((event: string, payload: unknown) => {
      const parsed = contract.events[event]?.safeParse(payload);
      if (!parsed?.success) broken.push(`${event}: ${parsed?.error.message ?? 'not in the table'}`);
    });
    const emitWithAck = socket.emitWithAck.bind(socket) as (...args: unknown[]) => Promise<unknown>;
    Object.assign(socket, {
      async emitWithAck(event: string, ...args: unknown[]) {
        const ack = await emitWithAck(event, ...args);
        const parsed = ackSchema(contract.commands[event]?.result ?? z.never()).safeParse(ack);
        if (!parsed.success) broken.push(`${event} ack: ${parsed.error.message}`);
        return ack;
      },
    });
    return socket;
  };
  const options_ = {
    path: SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  };

  const passwordOf = (username: string) => {
    const user = demo.users.find((u) => u.username === username);
    if (!user) throw new Error(`no demo user ${username}`);
    return user.password;
  };

  return {
    app,
    db,
    connect: () => store.connect(),
    url,
    demo,
    officeId: office.id,
    password: passwordOf,
    kiosk(token = demo.kioskToken) {
      return connected(
        track(
          io(`${url}${NAMESPACES.kiosk}`, { ...options_, auth: { token } }) as KioskSocket,
          kioskContract,
        ),
      );
    },
    async enrolKiosk() {
      const id = randomIds();
      const token = newKioskCredential(id);
      await insertKiosk(db, {
        id,
        office_id: office.id,
        name: `kiosk ${id}`,
        token_hash: hashToken(token),
        created_at: Date.now(),
        last_seen_at: null,
      });
      return token;
    },
    async login(username, password) {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: password ?? passwordOf(username) }),
      });
      if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('no session cookie');
      return cookie;
    },
    agent(cookie) {
      return connected(
        track(
          io(`${url}${NAMESPACES.agent}`, { ...options_, extraHeaders: { cookie } }) as AgentSocket,
          agentContract,
        ),
      );
    },
    manager(cookie) {
      return connected(
        track(
          io(`${url}${NAMESPACES.manager}`, {
            ...options_,
            extraHeaders: { cookie },
          }) as ManagerSocket,
          managerContract,
        ),
      );
    },
    async close() {
      for (const socket of sockets) socket.close();
      await app.close();
      await store.dispose();
      if (broken.length) throw new Error(`events broke the contract:\n${broken.join('\n')}`);
    },
  };
}

/** A visitor at `kiosk` takes a ticket for the office's first service, in `language`. */
export async function takeTicket(kiosk: KioskSocket, language: 'id' | 'en' = 'id') {
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok || !boot.data.services[0]) throw new Error('no bootstrap');
  const created = await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId: boot.data.services[0].id,
    language,
  });
  if (!created.ok) throw new Error(created.error.code);
  return created.data.ticket;
}

/** The next event `name` on `socket`, typed by its event map, or a rejection after `ms`. */
export function nextEvent<
  L extends { [K in keyof L]: (...args: never[]) => void },
  M extends { [K in keyof M]: (...args: never[]) => void },
  E extends keyof L & string,
>(socket: Socket<L, M>, name: E, ms = 3000): Promise<Parameters<L[E]>[0]> {
  const emitter = socket as unknown as {
    once(event: string, listener: (value: unknown) => void): void;
    off(event: string, listener: (value: unknown) => void): void;
  };
  return new Promise((resolve, reject) => {
    const listener = (value: unknown) => {
      clearTimeout(timer);
      resolve(value as Parameters<L[E]>[0]);
    };
    const timer = setTimeout(() => {
      emitter.off(name, listener);
      reject(new Error(`no ${name} within ${ms} ms`));
    }, ms);
    emitter.once(name, listener);
  });
}

/**
 * The next event `name` on `socket` that `accept` approves, skipping earlier ones: on PostgreSQL
 * a dispatch answers later than on SQLite, so a repeated, unchanged update may come first.
 */
export function eventWhere<
  L extends { [K in keyof L]: (...args: never[]) => void },
  M extends { [K in keyof M]: (...args: never[]) => void },
  E extends keyof L & string,
>(
  socket: Socket<L, M>,
  name: E,
  accept: (value: Parameters<L[E]>[0]) => boolean,
  ms = 3000,
): Promise<Parameters<L[E]>[0]> {
  const emitter = socket as unknown as {
    on(event: string, listener: (value: unknown) => void): void;
    off(event: string, listener: (value: unknown) => void): void;
  };
  return new Promise((resolve, reject) => {
    const listener = (value: unknown) => {
      if (!accept(value as Parameters<L[E]>[0])) return;
      clearTimeout(timer);
      emitter.off(name, listener);
      resolve(value as Parameters<L[E]>[0]);
    };
    const timer = setTimeout(() => {
      emitter.off(name, listener);
      reject(new Error(`no matching ${name} within ${ms} ms`));
    }, ms);
    emitter.on(name, listener);
  });
}

/** Rows that matter to the queue, to prove a refused command changed nothing. */
export async function queueState(db: Db) {
  return {
    tickets: await db.selectFrom('tickets').selectAll().orderBy('id').execute(),
    agents: await db.selectFrom('agents').selectAll().orderBy('user_id').execute(),
    calls: await db.selectFrom('calls').selectAll().orderBy('id').execute(),
  };
}

/** Kysely's own bookkeeping of migrations, which no command touches. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Every table of the store with its columns in declared order, read from the dialect's catalog. */
async function tableColumns(db: Db): Promise<Map<string, string[]>> {
  const { rows } = await (
    isPostgres(db)
      ? sql<{ table: string; column: string }>`
        select c.table_name as "table", c.column_name as "column"
        from information_schema.columns c
        join information_schema.tables t
          on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`
      : sql<{ table: string; column: string }>`
        select m.name as "table", p.name as "column"
        from sqlite_master m join pragma_table_info(m.name) p
        where m.type = 'table' and m.name not like 'sqlite!_%' escape '!'
        order by m.name, p.cid`
  ).execute(db);
  const tables = new Map<string, string[]>();
  for (const { table, column } of rows) {
    if (MIGRATION_TABLES.has(table)) continue;
    tables.set(table, [...(tables.get(table) ?? []), column]);
  }
  return tables;
}

/**
 * Every row of every table (migration bookkeeping aside), each table ordered by all its columns:
 * two snapshots are equal exactly when nothing stored changed, so a refused input can be proven
 * to have written nothing anywhere.
 */
export async function storeSnapshot(db: Db): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const [table, columns] of await tableColumns(db)) {
    const order = sql.join(columns.map((column) => sql.ref(column)));
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.table(table)} order by ${order}`.execute(db);
    snapshot[table] = rows;
  }
  return snapshot;
}
