import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CaptionProvider, IceServer } from '@loket/shared';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const seconds = z.coerce.number().positive();

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Address people open; printed at start-up and used to tell whether cookies must be Secure. */
  PUBLIC_URL: z.url().optional(),
  /** Folder of the SQLite database and the demo sign-ins; unset, the workspace's `data` folder. */
  DATA_DIR: z.string().min(1).optional(),
  /** SQLite database file; defaults to loket.db inside DATA_DIR. */
  SQLITE_PATH: z.string().optional(),
  /** PostgreSQL database (`postgres://user:password@host:port/db`); when set, SQLite is not used. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  /**
   * Redis (`redis://host:port`) shared by several server instances behind one address: sockets,
   * broadcasts and reconnect recovery span them all. Unset, this is the only instance.
   */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  /** Seed one office, three services, a kiosk, two agents and a manager into an empty database. */
  DEMO_DATA: flag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long an agent has to accept an offer before the ticket goes back to the head. */
  OFFER_TIMEOUT_SECONDS: seconds.default(20),
  /** How long an agent stays in wrap-up after a call unless they end it sooner. */
  WRAP_UP_SECONDS: z.coerce.number().nonnegative().default(30),
  /** How long a kiosk or console may be disconnected before its ticket or call is given up. */
  RECONNECT_GRACE_SECONDS: seconds.default(60),
  /** Service level: answered within this many seconds… */
  SERVICE_LEVEL_SECONDS: seconds.default(20),
  /** …for at least this share of visitors, in percent. */
  SERVICE_LEVEL_GOAL_PERCENT: z.coerce.number().min(1).max(100).default(80),
  /** How often due timers (offer expiry, wrap-up, reconnect grace) are swept. */
  SWEEP_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** JSON array of RTCIceServer objects; the default suits a LAN or a single machine. */
  ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return z.array(IceServer).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array of RTCIceServer objects' });
        return z.NEVER;
      }
    }),
  /** Origins other than the server's own allowed to call the API (e.g. Vite dev servers). */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /**
   * PEM files of the certificate (with its chain) and private key: with both, the server speaks
   * https itself. Browsers open a kiosk's camera only on a secure page (https, or localhost).
   */
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  /** With TLS, a plain-http port that sends every request to https (80 when PORT is 443). */
  HTTP_REDIRECT_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Sign-in attempts allowed per client address in any 60 seconds. */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Wrong passwords allowed per username in any 15 minutes before that username is locked. */
  LOGIN_FAILURES_PER_USER: z.coerce.number().int().positive().default(5),
  /**
   * Which proxies in front of the server to believe about the client's address
   * (X-Forwarded-For): `false` (none, the default), a hop count, or a comma-separated list of
   * addresses and subnets (`loopback`, `10.0.0.0/8`, …), as Express's `trust proxy` takes them.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((text): boolean | number | string[] => {
      if (text === 'false' || text === '') return false;
      if (text === 'true') return true;
      if (/^\d+$/.test(text)) return Number(text);
      return text
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
    }),
  /**
   * Delay (ms, 99th percentile over a second) of the event loop, or of statements waiting for a
   * PostgreSQL connection, past which, two seconds in a row, new tickets are refused as BUSY for
   * a while; 0 takes every ticket whatever the load.
   */
  BUSY_DELAY_MS: z.coerce.number().int().nonnegative().default(500),
  /** Open sockets allowed from one client address (an office behind one NAT shares one). */
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(100),
  /** LiveKit server browsers connect to (ws:// or wss://); with the key pair, calls use LiveKit. */
  LIVEKIT_URL: z.url({ protocol: /^wss?$/ }).optional(),
  LIVEKIT_API_KEY: z.string().min(1).optional(),
  LIVEKIT_API_SECRET: z.string().min(1).optional(),
  /** Comma-separated TURN URLs sharing TURN_SECRET with coturn (`use-auth-secret`). */
  TURN_URLS: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    ),
  TURN_SECRET: z.string().min(1).optional(),
  /** How long the TURN credentials handed out at call start stay valid. */
  TURN_TTL_SECONDS: seconds.default(3600),
  /** Bearer token that lets Prometheus scrape `/metrics`; unset, the route does not exist. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** SP4N-LAPOR! integration API (agencies' developer account); unset, complaints stay here. */
  LAPOR_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The API key LAPOR! gave the agency, sent as a bearer token. */
  LAPOR_TOKEN: z.string().min(1).optional(),
  /**
   * Caption providers the office offers, comma-separated: `typed` (the officer's typed line,
   * always offered), `browser` (the browser's speech recognition, where it has one; audio leaves
   * the office), `onprem` (the office's own recogniser, once one runs beside the server).
   */
  CAPTIONS: z
    .string()
    .default('typed')
    .transform((text) =>
      text
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .pipe(z.array(CaptionProvider)),
  /**
   * Where the office's own speech recogniser listens (scripts/recogniser.sh), e.g.
   * `http://127.0.0.1:8097`; with `onprem` in CAPTIONS, speech is captioned there.
   */
  RECOGNISER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How long the recogniser may take over one utterance before captions count as unavailable. */
  RECOGNISER_TIMEOUT_SECONDS: seconds.default(10),
  /** Folders holding the built apps; defaults to the workspace's own dist folders. */
  KIOSK_DIST: z.string().optional(),
  CONSOLE_DIST: z.string().optional(),
});

/**
 * Whether people reach the server at a loopback address (or no public address is set): the only
 * case in which demo data, with its printed passwords, is made without being asked for.
 */
function isLoopback(publicUrl: string | undefined): boolean {
  if (!publicUrl) return true;
  const host = new URL(publicUrl).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

/** Settings of one server process, parsed once at start-up. */
export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof Env>, root: string) {
  // The default does not follow the working directory, so `pnpm start` and the admin command run
  // from a package folder find the same database.
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(root, 'data'));
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    dataDir,
    sqlitePath: path.resolve(env.SQLITE_PATH ?? path.join(dataDir, 'loket.db')),
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL ?? null,
    demoData: env.DEMO_DATA ?? (env.NODE_ENV !== 'production' && isLoopback(env.PUBLIC_URL)),
    logLevel: env.LOG_LEVEL,
    offerTimeoutMs: Math.round(env.OFFER_TIMEOUT_SECONDS * 1000),
    wrapUpMs: Math.round(env.WRAP_UP_SECONDS * 1000),
    reconnectGraceMs: Math.round(env.RECONNECT_GRACE_SECONDS * 1000),
    serviceLevel: {
      targetMs: Math.round(env.SERVICE_LEVEL_SECONDS * 1000),
      goal: env.SERVICE_LEVEL_GOAL_PERCENT / 100,
    },
    sweepIntervalMs: env.SWEEP_INTERVAL_MS,
    sessionTtlMs: Math.round(env.SESSION_TTL_HOURS * 3600 * 1000),
    iceServers: env.ICE_SERVERS,
    corsOrigins: env.CORS_ORIGINS,
    loginRatePerMinute: env.LOGIN_RATE_PER_MINUTE,
    loginFailuresPerUser: env.LOGIN_FAILURES_PER_USER,
    trustProxy: env.TRUST_PROXY,
    maxConnectionsPerAddress: env.MAX_CONNECTIONS_PER_ADDRESS,
    busyDelayMs: env.BUSY_DELAY_MS,
    metricsToken: env.METRICS_TOKEN ?? null,
    captions: env.CAPTIONS,
    recogniserUrl: env.RECOGNISER_URL ?? null,
    recogniserTimeoutMs: Math.round(env.RECOGNISER_TIMEOUT_SECONDS * 1000),
    lapor:
      env.LAPOR_URL && env.LAPOR_TOKEN
        ? { url: env.LAPOR_URL, token: env.LAPOR_TOKEN, timeoutMs: 10_000 }
        : null,
    /** Source maps help a developer and tell an attacker the code: served outside production only. */
    serveSourceMaps: env.NODE_ENV !== 'production',
    secureCookies: Boolean(env.TLS_CERT) || (env.PUBLIC_URL?.startsWith('https://') ?? false),
    tls: env.TLS_CERT && env.TLS_KEY ? readTls(env.TLS_CERT, env.TLS_KEY) : null,
    httpRedirectPort:
      env.TLS_CERT && env.TLS_KEY
        ? (env.HTTP_REDIRECT_PORT ?? (env.PORT === 443 ? 80 : null))
        : null,
    kioskDist: path.resolve(env.KIOSK_DIST ?? path.join(root, 'kiosk/dist')),
    consoleDist: path.resolve(env.CONSOLE_DIST ?? path.join(root, 'agent-console/dist')),
    livekit:
      env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET
        ? { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET }
        : null,
    turn:
      env.TURN_URLS.length > 0 && env.TURN_SECRET
        ? { urls: env.TURN_URLS, secret: env.TURN_SECRET, ttlSeconds: env.TURN_TTL_SECONDS }
        : null,
  };
}

/** LiveKit and TURN settings come as sets: half a set is a mistake, not a choice. */
function incompleteSets(env: z.infer<typeof Env>): string[] {
  const problems: string[] = [];
  const livekit = [env.LIVEKIT_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET];
  if (livekit.some(Boolean) && !livekit.every(Boolean)) {
    problems.push('  LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET: set all three or none');
  }
  if (env.TURN_URLS.length > 0 !== Boolean(env.TURN_SECRET)) {
    problems.push('  TURN_URLS, TURN_SECRET: set both or neither');
  }
  if (Boolean(env.LAPOR_URL) !== Boolean(env.LAPOR_TOKEN)) {
    problems.push('  LAPOR_URL, LAPOR_TOKEN: set both or neither');
  }
  if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) {
    problems.push('  TLS_CERT, TLS_KEY: set both or neither');
  }
  if (env.HTTP_REDIRECT_PORT !== undefined && !env.TLS_CERT) {
    problems.push('  HTTP_REDIRECT_PORT: redirects to https, so it needs TLS_CERT and TLS_KEY');
  }
  if (env.REDIS_URL && !env.DATABASE_URL) {
    problems.push(
      '  REDIS_URL: several instances need one shared database: set DATABASE_URL to PostgreSQL too (a SQLite file belongs to one process)',
    );
  }
  return problems;
}

/** The certificate and key, read once at start-up; a file that cannot be read stops the start. */
function readTls(certFile: string, keyFile: string): { cert: Buffer; key: Buffer } {
  const read = (name: string, file: string) => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new ConfigError(
        `Invalid configuration:\n  ${name}: cannot read ${file} (${(error as Error).message})`,
      );
    }
  };
  return { cert: read('TLS_CERT', certFile), key: read('TLS_KEY', keyFile) };
}

/** A setting that could not be read; lists every bad variable at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads the configuration from the environment. `root` is the workspace folder, used to find the
 * built apps when no folder is configured.
 */
export function loadConfig(env: NodeJS.ProcessEnv, root: string): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const problems = incompleteSets(parsed.data);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return toConfig(parsed.data, root);
}
