import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../e2e/support/free-port.js';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How to run the server: from TypeScript source (tsx) or the esbuild bundle in dist/. */
export type ServerEntry = 'source' | 'dist' | { file: string };

/** How a server process ended: its exit code, or the signal that killed it. */
export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

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
  /** SIGTERM and wait for the exit; a graceful shutdown ends with code 0. */
  stop(): Promise<ServerExit>;
  /** Resolves when the running child ends by itself, with how it ended. */
  exited(): Promise<ServerExit>;
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

const entryArgs = (entry: ServerEntry | undefined) =>
  typeof entry === 'object'
    ? [entry.file]
    : entry === 'dist'
      ? ['dist/main.js']
      : ['--import', 'tsx', 'src/main.ts'];

/**
 * Spawns the server in its package folder; `onOutput` hears what it prints on each stream. `end`
 * settles once it exited and its output is all read ('close', which comes after 'exit').
 */
function spawnServer(
  args: string[],
  env: Record<string, string>,
  onOutput: (stream: 'stdout' | 'stderr', text: string) => void,
): { child: ChildProcess; end: Promise<ServerExit> } {
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => onOutput('stdout', chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => onOutput('stderr', chunk.toString()));
  const end = new Promise<ServerExit>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, end };
}

/** What a server process that ended by itself printed, and how it ended. */
export interface FinishedServer {
  exit: ServerExit;
  stdout: string;
  stderr: string;
}

/**
 * Runs the server with `env` until it exits by itself, e.g. refusing a bad setting; one still
 * running after `timeoutMs` is killed, and its exit shows the signal. Unlike
 * `startServerProcess`, PORT comes from `env`; HOST defaults to 127.0.0.1.
 */
export async function runServerProcess(
  env: Record<string, string>,
  options: { entry?: ServerEntry; timeoutMs?: number } = {},
): Promise<FinishedServer> {
  const printed = { stdout: '', stderr: '' };
  const { child, end } = spawnServer(
    entryArgs(options.entry),
    { HOST: '127.0.0.1', ...env },
    (stream, text) => (printed[stream] = (printed[stream] + text).slice(-20_000)),
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  const exit = await end;
  clearTimeout(timer);
  return { exit, ...printed };
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
  const args = [...(options.nodeArgs ?? []), ...entryArgs(options.entry)];
  let output = '';
  let child: ChildProcess;
  let end: Promise<ServerExit>;
  const launch = async () => {
    ({ child, end } = spawnServer(
      args,
      { ...env, PORT: String(port), HOST: '127.0.0.1' },
      (_, text) => {
        output = (output + text).slice(-20_000);
      },
    ));
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
      await end;
    },
    restart: launch,
    async stop() {
      child.kill('SIGTERM');
      return end;
    },
    exited: () => end,
  };
}
