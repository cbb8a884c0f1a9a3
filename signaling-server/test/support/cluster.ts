import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { haproxyConfig } from '../../../ops/cluster/haproxy-config.mjs';
import { freePort } from '../../../e2e/support/free-port.js';
import { startServerProcess, type ServerEntry, type ServerProcess } from './server-process.js';

/** Debian's Redis and HAProxy, which the cluster tests start on 127.0.0.1 themselves. */
const REDIS_SERVER = '/usr/bin/redis-server';
const HAPROXY = '/usr/sbin/haproxy';

/** Why the cluster tests cannot run here, or null when they can. */
export function clusterMissingReason(): string | null {
  const missing = [
    [REDIS_SERVER, 'redis-server'],
    [HAPROXY, 'haproxy'],
  ].filter(([file]) => {
    try {
      fs.accessSync(file!, fs.constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  return missing.length
    ? `no ${missing.map(([file]) => file).join(', ')}; apt-get install -y ${missing.map(([, pkg]) => pkg).join(' ')}`
    : null;
}

/** Resolves once something accepts TCP connections on the port. */
async function listening(port: number, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(socket.end() && true));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`not listening on ${port}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A daemon the test started, which it may kill and start again on the same port. */
export interface Daemon {
  port: number;
  kill9(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `file` and resolves once it listens on `port`; it can be killed and started again. */
async function startDaemon(file: string, args: string[], port: number): Promise<Daemon> {
  let child: ChildProcess;
  let output = '';
  let end: Promise<void>;
  const launch = async () => {
    child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-5000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    end = new Promise((resolve) => child.once('exit', () => resolve()));
    await listening(port, child, () => output);
  };
  await launch();
  return {
    port,
    restart: launch,
    async kill9() {
      child.kill('SIGKILL');
      await end;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await end;
    },
  };
}

/**
 * Redis on 127.0.0.1, writing every command to its append-only file in `dir`, so a restart
 * comes back with the streams and sessions it held (as a production Redis configured to persist).
 */
export function startRedis(port: number, dir: string): Promise<Daemon> {
  return startDaemon(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
    ],
    port,
  );
}

/** HAProxy on 127.0.0.1 in front of the instances, with the configuration `./loket cluster` uses. */
export function startHaproxy(port: number, instances: number[], dir: string): Promise<Daemon> {
  const config = haproxyConfig({
    port,
    instances: instances.map((instancePort, i) => ({ name: `i${i + 1}`, port: instancePort })),
  });
  return startHaproxyWith(config, port, dir);
}

/** HAProxy with `config`, written into `dir`, once it listens on `port`. */
export function startHaproxyWith(config: string, port: number, dir: string): Promise<Daemon> {
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, config);
  return startDaemon(HAPROXY, ['-db', '-f', file], port);
}

/** Several server instances on one PostgreSQL and one Redis, behind HAProxy. */
export interface Cluster {
  /** The balancer's address, which every client uses. */
  url: string;
  redis: Daemon;
  balancer: Daemon;
  instances: ServerProcess[];
  stop(): Promise<void>;
}

/**
 * Starts Redis, `count` instances with `env` (which names a migrated PostgreSQL database) and
 * HAProxy in front of them; the instances run from source unless `entry` says otherwise, with
 * `nodeArgs` for node itself (e.g. a profiler's flags).
 */
export async function startCluster(
  env: Record<string, string>,
  count = 3,
  entry: ServerEntry = 'source',
  nodeArgs: string[] = [],
): Promise<Cluster> {
  const missing = clusterMissingReason();
  if (missing) throw new Error(`the cluster tests need Redis and HAProxy: ${missing}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-cluster-'));
  const redis = await startRedis(await freePort(), dir);
  const instances: ServerProcess[] = [];
  let balancer: Daemon;
  try {
    // The database is migrated already, so the instances may start together; three compiling
    // and starting at once on a busy machine take a while.
    const started = await Promise.allSettled(
      Array.from({ length: count }, () =>
        startServerProcess(
          { ...env, REDIS_URL: `redis://127.0.0.1:${redis.port}` },
          { entry, startTimeoutMs: 90_000, nodeArgs },
        ),
      ),
    );
    for (const result of started) if (result.status === 'fulfilled') instances.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    balancer = await startHaproxy(
      await freePort(),
      instances.map((instance) => instance.port),
      dir,
    );
  } catch (error) {
    // Nothing started for a cluster that did not come up is left running.
    await Promise.all(instances.map((instance) => instance.stop().catch(() => undefined)));
    await redis.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${balancer.port}`,
    redis,
    balancer,
    instances,
    async stop() {
      await balancer.stop();
      await Promise.all(instances.map((instance) => instance.stop().catch(() => undefined)));
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
