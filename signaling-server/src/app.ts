import { randomInt } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { NAMESPACES, SOCKET_PATH } from '@loket/shared';
import { Server, type ServerOptions } from 'socket.io';
import { OriginPolicy } from './auth/origin.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { ServiceContext } from './context/context.js';
import { noTelemetry } from './context/telemetry.js';
import { createWebApp } from './http/web-app.js';
import { LaporChannel } from './complaints/lapor-channel.js';
import type { IdFactory } from './ids.js';
import type { Logger } from './log.js';
import type { PreparedRooms } from './media/prepared-rooms.js';
import { createMediaProvider, type MediaProvider } from './media/provider.js';
import { ALWAYS_ADMIT, LagAdmission, watchDelays, type Admission } from './queue/admission.js';
import { DEFAULT_POLICY } from './core/routing.js';
import { Dispatcher } from './queue/dispatcher.js';
import { WaitingLine } from './store/waiting-line.js';
import { setUpAgentNamespace } from './realtime/agent-namespace.js';
import { setUpKioskNamespace } from './realtime/kiosk-namespace.js';
import { setUpManagerNamespace } from './realtime/manager-namespace.js';
import { namespacesOf } from './realtime/namespaces.js';
import { ConnectionGuard } from './realtime/connection-guard.js';
import { agentRoom, kioskRoom, officeRoom } from './realtime/rooms.js';
import { roomMembers } from './realtime/room-members.js';
import { EVENT_LIMITS, EventBudgets, MAX_MESSAGE_BYTES } from './realtime/socket-limits.js';
import { SocketNotifier } from './realtime/socket-notifier.js';
import { startComplaintJob } from './scheduling/complaint-job.js';
import { startRetentionJob } from './scheduling/retention-job.js';
import { startAdopting } from './scheduling/orphans.js';
import { startSweeping } from './scheduling/sweep-loop.js';
import type { Db } from './store/database.js';
import { connectionWaits, watchQueries } from './store/query-timing.js';
import { SkillBook } from './store/skill-book.js';
import { ChatBudgets } from './use-cases/chat.js';
import { Captions } from './use-cases/captions.js';
import { RECOGNISER_TIMEOUT_MS, type Recogniser } from './captions/recogniser.js';
import { Dashboards } from './use-cases/dashboard.js';
import { kioskStatus } from './use-cases/kiosk-care.js';
import { followUpComplaints } from './use-cases/complaints.js';
import { createMetrics } from './use-cases/metrics.js';

/** Everything the server is built from; tests pass their own clock, ids and database. */
export interface AppDeps {
  config: Pick<
    Config,
    | 'offerTimeoutMs'
    | 'sweepIntervalMs'
    | 'wrapUpMs'
    | 'reconnectGraceMs'
    | 'serviceLevel'
    | 'iceServers'
    | 'sessionTtlMs'
    | 'secureCookies'
    | 'loginRatePerMinute'
    | 'loginFailuresPerUser'
    | 'trustProxy'
    | 'maxConnectionsPerAddress'
    | 'serveSourceMaps'
    | 'corsOrigins'
    | 'kioskDist'
    | 'consoleDist'
  > &
    Partial<
      Pick<
        Config,
        | 'livekit'
        | 'turn'
        | 'publicUrl'
        | 'metricsToken'
        | 'tls'
        | 'lapor'
        | 'captions'
        | 'busyDelayMs'
        | 'recogniserTimeoutMs'
      >
    >;
  /** The office's own speech recogniser, behind the `onprem` captions; none by default. */
  recogniser?: Recogniser;
  /**
   * socket.io's adapter when several instances share one Redis (see `realtime/cluster.ts`);
   * unset, sockets are this process's alone.
   */
  adapter?: ServerOptions['adapter'];
  /** Where rooms prepared for ringing offers are kept; in this process's memory by default. */
  preparedRooms?: PreparedRooms;
  /** Call media; by default built from the config (LiveKit when configured, else P2P). */
  media?: MediaProvider;
  /** Whether new tickets are taken; by default from how far the server falls behind (`busyDelayMs`). */
  admission?: Admission;
  db: Db;
  clock: Clock;
  ids: IdFactory;
  log: Logger;
}

/** The composed server, not yet listening. */
export interface App {
  /** Plain http, or https when the config has a certificate. */
  http: http.Server | https.Server;
  io: Server;
  ctx: ServiceContext;
  /** Stops timers, closes every socket and the HTTP server; the database stays open. */
  close(): Promise<void>;
}

/** How long new tickets are refused once the server is found past its capacity. */
const BUSY_HOLD_MS = 15_000;

/**
 * Asks for an office to be matched once the current command has answered: requests made
 * meanwhile are gathered into one matching.
 */
function coalescedDispatch(dispatcher: () => Dispatcher, log: Logger) {
  const pending = new Set<string>();
  let closed = false;
  return {
    request(officeId: string) {
      if (closed || pending.has(officeId)) return;
      pending.add(officeId);
      setImmediate(() => {
        pending.delete(officeId);
        if (closed) return;
        dispatcher()
          .dispatch(officeId)
          .catch((err: unknown) => log.error({ err, officeId }, 'dispatch failed'));
      });
    },
    close() {
      closed = true;
    },
  };
}

/** Builds the HTTP server, socket.io and the use cases without listening. */
export function createApp(deps: AppDeps): App {
  const { config, db, clock, ids, log } = deps;
  const server = config.tls ? https.createServer(config.tls) : http.createServer();
  const origins = new OriginPolicy(config.publicUrl, config.corsOrigins);
  const guard = new ConnectionGuard({
    origins,
    trustProxy: config.trustProxy,
    maxPerAddress: config.maxConnectionsPerAddress,
    log,
  });
  const io = new Server(server, {
    path: SOCKET_PATH,
    serveClient: false,
    allowRequest: guard.allowRequest,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    cors: config.corsOrigins.length ? { origin: config.corsOrigins, credentials: true } : undefined,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });
  guard.watch(io);
  const { kiosks, agents, managers } = namespacesOf(io);
  const clustered = Boolean(deps.adapter);
  const kiosksIn = roomMembers(kiosks, clustered);
  const agentsIn = roomMembers(agents, clustered);
  const notifier = new SocketNotifier(
    kiosks,
    agents,
    managers,
    () => dashboards,
    log,
    (kioskId) => kioskStatus(ctx, kioskId),
    clustered,
  );
  const dispatch = coalescedDispatch(() => dispatcher, log);
  // Measured only when someone may scrape it: no token, no metrics and no timing of queries.
  const metrics = config.metricsToken
    ? createMetrics({
        db,
        clock,
        sockets: () =>
          Object.fromEntries(
            Object.entries(NAMESPACES).map(([name, path]) => [name, io.of(path).sockets.size]),
          ),
      })
    : null;
  const unwatch = metrics ? watchQueries(db, metrics.queryTimed) : null;
  const captions = new Captions(
    config.captions ?? ['typed'],
    deps.recogniser ?? null,
    clock,
    config.recogniserTimeoutMs ?? RECOGNISER_TIMEOUT_MS,
  );
  if (config.captions?.includes('onprem') && !deps.recogniser) {
    log.warn('CAPTIONS lists onprem, but no speech recogniser runs: it is not offered');
  }
  const admission =
    deps.admission ??
    (config.busyDelayMs
      ? watchDelays(new LagAdmission(config.busyDelayMs, BUSY_HOLD_MS), clock, connectionWaits(db))
      : ALWAYS_ADMIT);
  const ctx: ServiceContext = {
    db,
    clock,
    ids,
    log,
    notifier,
    telemetry: metrics?.telemetry ?? noTelemetry,
    skills: new SkillBook(),
    line: new WaitingLine(db, DEFAULT_POLICY.priorityAgingMs, clustered),
    media:
      deps.media ??
      createMediaProvider(
        {
          iceServers: config.iceServers,
          turn: config.turn ?? null,
          livekit: config.livekit ?? null,
          reconnectGraceMs: config.reconnectGraceMs,
        },
        clock,
        log,
        deps.preparedRooms,
      ),
    complaints: config.lapor ? new LaporChannel(config.lapor) : null,
    settings: {
      offerTimeoutMs: config.offerTimeoutMs,
      iceServers: config.iceServers,
      wrapUpMs: config.wrapUpMs,
      reconnectGraceMs: config.reconnectGraceMs,
      serviceLevel: config.serviceLevel,
      sessionTtlMs: config.sessionTtlMs,
      captionProviders: captions.providers,
    },
    presence: {
      kioskConnected: async (kioskId) => (await kiosksIn(kioskRoom(kioskId))).length > 0,
      kiosksConnected: async (officeId) => {
        const open = await kiosksIn(officeRoom(officeId));
        return new Set(
          open.flatMap(({ data: { actor } }) => (actor.kind === 'kiosk' ? [actor.kioskId] : [])),
        );
      },
      agentConnected: async (agentId) => (await agentsIn(agentRoom(agentId))).length > 0,
      everyone: async () => {
        const [open, officers] = await Promise.all([kiosks.fetchSockets(), agents.fetchSockets()]);
        const kioskIds = open.flatMap(({ data: { actor } }) =>
          actor.kind === 'kiosk' ? [actor.kioskId] : [],
        );
        const agentIds = officers.flatMap(({ data: { actor } }) =>
          actor.kind === 'user' ? [actor.userId] : [],
        );
        return { kioskIds: new Set(kioskIds), agentIds: new Set(agentIds) };
      },
    },
    requestDispatch: (officeId) => dispatch.request(officeId),
    admission,
  };
  const dispatcher = new Dispatcher(ctx);
  // 2^32 feed numbers for each of 2^20 places: two instances share a range once in a million.
  const dashboards = new Dashboards(ctx, deps.adapter ? randomInt(1, 2 ** 20) * 2 ** 32 : 0);

  const budgets = new EventBudgets(EVENT_LIMITS, clock);
  const chatBudgets = new ChatBudgets(clock);
  const wiring = { budgets, chat: chatBudgets, captions, clustered };
  setUpKioskNamespace(kiosks, ctx, wiring);
  setUpAgentNamespace(agents, ctx, wiring);
  setUpManagerNamespace(managers, ctx, budgets, dashboards);
  server.on('request', createWebApp(ctx, { ...config, origins, metrics }));
  const sweeping = startSweeping(ctx, config.sweepIntervalMs);
  // Alone, a restart hands everything its grace (`recoverAfterRestart`); in a cluster the others
  // keep running and notice what a dead instance left behind.
  const adopting = deps.adapter ? startAdopting(ctx) : null;
  const retention = startRetentionJob(ctx);
  const complaints = startComplaintJob(ctx, () => followUpComplaints(ctx));

  return {
    http: server,
    io,
    ctx,
    async close() {
      dispatch.close();
      admission.close();
      notifier.close();
      unwatch?.();
      // Work already started finishes before the caller closes the database.
      await sweeping.stop();
      await adopting?.stop();
      await retention.stop();
      await complaints.stop();
      await dispatcher.settle();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      if (server.listening) {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
