import http from 'node:http';
import { SOCKET_PATH } from '@loket/shared';
import express from 'express';
import helmet from 'helmet';
import type { WebhookEvent } from 'livekit-server-sdk';
import { Server } from 'socket.io';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { authRoutes } from './http/auth-routes.js';
import { errorHandler, sendError } from './http/errors.js';
import { healthRoutes } from './http/health.js';
import { livekitWebhook } from './http/livekit-webhook.js';
import { staticApp } from './http/static-apps.js';
import type { IdFactory } from './ids.js';
import type { Logger } from './log.js';
import { handleMediaEvent } from './media/media-events.js';
import { createMediaProvider, type MediaProvider } from './media/provider.js';
import { setUpAgentNamespace } from './realtime/agent-namespace.js';
import { setUpKioskNamespace } from './realtime/kiosk-namespace.js';
import { setUpManagerNamespace } from './realtime/manager-namespace.js';
import { namespacesOf } from './realtime/namespaces.js';
import { agentRoom, kioskRoom } from './realtime/rooms.js';
import { SocketNotifier } from './realtime/socket-notifier.js';
import type { ServiceContext } from './services/context.js';
import { Dispatcher } from './services/dispatcher.js';
import { QueueFeed } from './services/queue-feed.js';
import { SkillBook } from './services/skill-book.js';
import { sweepExpiredOffers } from './services/sweeper.js';
import { sweepDueTimers } from './services/timers.js';
import type { Db } from './store/database.js';

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
    | 'corsOrigins'
    | 'kioskDist'
    | 'consoleDist'
  > &
    Partial<Pick<Config, 'livekit' | 'turn'>>;
  /** Call media; by default built from the config (LiveKit when configured, else P2P). */
  media?: MediaProvider;
  db: Db;
  clock: Clock;
  ids: IdFactory;
  log: Logger;
}

/** The composed server, not yet listening. */
export interface App {
  http: http.Server;
  io: Server;
  ctx: ServiceContext;
  /** Stops timers, closes every socket and the HTTP server; the database stays open. */
  close(): Promise<void>;
}

/** The LiveKit server's HTTP origin (`ws://h:p` → `http://h:p`), when calls use LiveKit. */
function livekitHttpOrigin(media: MediaProvider): string[] {
  const url = media.livekit?.url;
  return url ? [new URL(url.replace(/^ws/, 'http')).origin] : [];
}

/** Builds the HTTP server, socket.io and the use cases without listening. */
export function createApp(deps: AppDeps): App {
  const { config, db, clock, ids, log } = deps;
  const web = express();
  const server = http.createServer(web);
  const io = new Server(server, {
    path: SOCKET_PATH,
    serveClient: false,
    cors: config.corsOrigins.length ? { origin: config.corsOrigins, credentials: true } : undefined,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });
  const { kiosks, agents, managers } = namespacesOf(io);

  const pending = new Set<string>();
  let closing = false;
  const feed = new QueueFeed();
  const notifier = new SocketNotifier(kiosks, agents, managers, () => ctx, log, feed);
  const media =
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
    );
  const ctx: ServiceContext = {
    db,
    clock,
    ids,
    log,
    notifier,
    skills: new SkillBook(),
    media,
    settings: {
      offerTimeoutMs: config.offerTimeoutMs,
      iceServers: config.iceServers,
      wrapUpMs: config.wrapUpMs,
      reconnectGraceMs: config.reconnectGraceMs,
      serviceLevel: config.serviceLevel,
    },
    presence: {
      kioskConnected: async (kioskId) =>
        (await kiosks.in(kioskRoom(kioskId)).fetchSockets()).length > 0,
      agentConnected: async (agentId) =>
        (await agents.in(agentRoom(agentId)).fetchSockets()).length > 0,
    },
    requestDispatch(officeId) {
      // Gathered until the current command has answered, then matched once.
      if (closing || pending.has(officeId)) return;
      pending.add(officeId);
      setImmediate(() => {
        pending.delete(officeId);
        if (closing) return;
        dispatcher
          .dispatch(officeId)
          .catch((err: unknown) => log.error({ err, officeId }, 'dispatch failed'));
      });
    },
  };
  const dispatcher = new Dispatcher(ctx);

  setUpKioskNamespace(kiosks, agents, ctx, log);
  setUpAgentNamespace(agents, kiosks, ctx, log);
  setUpManagerNamespace(managers, kiosks, ctx, log, feed);

  web.disable('x-powered-by');
  web.set('trust proxy', 'loopback');
  web.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          // livekit-client asks the LiveKit server over HTTP why a connection failed.
          'connect-src': ["'self'", 'ws:', 'wss:', ...livekitHttpOrigin(media)],
          'media-src': ["'self'", 'blob:', 'mediastream:'],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  );
  web.use(healthRoutes(db));
  // Raw body, before any JSON parser: the webhook's signature covers the exact bytes.
  const onMediaEvent = (event: WebhookEvent) => handleMediaEvent(ctx, event);
  web.use(livekitWebhook(() => ctx.media.livekit, onMediaEvent, log));
  web.use('/api', express.json({ limit: '16kb' }));
  web.use(
    '/api/auth',
    authRoutes({ db, clock, log, io, ...config, mediaTransport: () => ctx.media.transport }),
  );
  web.use('/api', (_req, res) => sendError(res, 'NOT_FOUND', 'no such API route'));
  web.use('/kiosk', staticApp(config.kioskDist));
  web.use('/console', staticApp(config.consoleDist));
  web.get('/', (_req, res) => res.redirect('/console/'));
  web.use(errorHandler(log));

  let sweeping: Promise<void> | null = null;
  const sweeper = setInterval(() => {
    if (sweeping || closing) return;
    sweeping = sweepExpiredOffers(ctx)
      .then(() => sweepDueTimers(ctx))
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err }, 'sweeping timers failed'))
      .finally(() => (sweeping = null));
  }, config.sweepIntervalMs);
  sweeper.unref();

  return {
    http: server,
    io,
    ctx,
    async close() {
      closing = true;
      clearInterval(sweeper);
      notifier.close();
      // Work already started finishes before the caller closes the database.
      await sweeping;
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
