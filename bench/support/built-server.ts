import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** Polls `read` until it answers something other than null; throws after `ms`. */
export async function waitFor<T>(read: () => Promise<T | null>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Starts the built server on `port` with a fresh data folder `dataDir` (demo data), plus `env`,
 * and resolves once it answers its health check.
 */
export async function startBuiltServer(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = spawn('node', ['signaling-server/dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'ignore',
  });
  try {
    await waitFor(async () =>
      (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok ? true : null,
    );
  } catch (error) {
    server.kill('SIGKILL');
    throw error;
  }
  return server;
}
