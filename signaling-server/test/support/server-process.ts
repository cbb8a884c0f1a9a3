import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How to run the server: from TypeScript source (tsx) or the esbuild bundle in dist/. */
export type ServerEntry = 'source' | 'dist';

/** A server running as a child process, so it can be killed with SIGKILL and started again. */
export interface ServerProcess {
  url: string;
  port: number;
  /** What the server printed last (up to 20 kB), across restarts. */
  output(): string;
  /** The running child; replaced by `restart`. */
  child(): ChildProcess;
  /** SIGKILL: no shutdown handler runs, exactly as a crash. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** Starts the server again on the same port and environment. */
  restart(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    const response = await fetch(`${url}/healthz`).catch(() => null);
    if (response?.ok) return;
    if (Date.now() > deadline) throw new Error(`server not healthy within ${ms} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `signaling-server/src/main.ts` (or `dist/main.js`) with `env` on a free port of
 * 127.0.0.1 and waits for /healthz. Its output is kept (last 20 kB) for error messages.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: {
    entry?: ServerEntry;
    port?: number;
    startTimeoutMs?: number;
    /** Flags for node itself, before the entry (e.g. `--expose-gc`). */
    nodeArgs?: string[];
  } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const entry = options.entry === 'dist' ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const args = [...(options.nodeArgs ?? []), ...entry];
  let output = '';
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(process.execPath, args, {
      cwd: SERVER_DIR,
      env: { ...process.env, NODE_ENV: 'test', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitHealthy(url, child, () => output, options.startTimeoutMs ?? 30_000);
  };
  await launch();
  return {
    url,
    port,
    output: () => output,
    child: () => child,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    restart: launch,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
