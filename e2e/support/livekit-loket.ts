import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { freePort } from './free-port.js';
import { pairingLink } from './kiosk-pairing.js';
import { livekitMissingReason, startLiveKit, type LiveKitProcess } from './livekit-server.js';

/** A built Loket server whose calls go through a real LiveKit server. */
export interface LiveKitLoket extends Loket {
  livekit: LiveKitProcess;
}

export { livekitMissingReason };

async function waitForHealth(url: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const failure = exited();
    if (failure) throw new Error(failure);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Loket did not answer ${url} within 30 s`);
}

/** A built Loket server of the browser tests, beside the P2P one of playwright.config.ts. */
export interface Loket {
  baseURL: string;
  /** A one-time pairing link for the demo kiosk (each one shuts out the kiosk paired before). */
  kioskLink(): string;
  /** Where the server's log (pino, one JSON object per line) is written. */
  logFile: string;
  /** Its data folder: the SQLite database and the demo sign-ins. */
  dataDir: string;
  password(username: string): string;
  stop(): Promise<void>;
}

/**
 * Starts the built Loket on a free port with its own fresh data folder and demo data, with `env`
 * on top (LiveKit, TURN; `DEMO_DATA: 'false'` for an office as production starts it). Given a `DATA_DIR`, it starts on that folder as it is (a restart) and
 * leaves it behind when stopped.
 */
export async function startLoket(env: Record<string, string>): Promise<Loket> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-'));
  const child = spawn('node', ['signaling-server/dist/main.js'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      OFFER_TIMEOUT_SECONDS: '60',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for reading after a failed run.
  const logPath = path.resolve(`test-output/e2e-loket-${port}.log`);
  const logFile = fs.createWriteStream(logPath);
  child.stdout?.pipe(logFile);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    logFile.write(chunk);
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  // A worker that dies skips afterAll: never leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  // An office started without demo data (DEMO_DATA=false) has no demo sign-ins to read.
  let demo: { users: { username: string; password: string }[] } = { users: [] };
  try {
    await waitForHealth(`${baseURL}/healthz`, () =>
      child.exitCode === null ? null : `Loket exited with ${child.exitCode}:\n${stderr}`,
    );
    if (env.DEMO_DATA !== 'false') {
      demo = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8'));
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseURL,
    kioskLink: () => pairingLink(dataDir),
    logFile: logPath,
    dataDir,
    password(username) {
      const user = demo.users.find((u) => u.username === username);
      if (!user) throw new Error(`no demo user ${username}`);
      return user.password;
    },
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!env.DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts livekit-server, then a Loket whose calls go through it (webhooks included), with `env`
 * on top of Loket's environment.
 */
export async function startLiveKitLoket(env: Record<string, string> = {}): Promise<LiveKitLoket> {
  const port = await freePort();
  const livekit = await startLiveKit({
    webhookUrl: `http://127.0.0.1:${port}/livekit/webhook`,
  });
  let loket: Loket;
  try {
    loket = await startLoket({
      PORT: String(port),
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      ...env,
    });
  } catch (error) {
    await livekit.stop();
    throw error;
  }
  return {
    ...loket,
    livekit,
    async stop() {
      await loket.stop();
      await livekit.stop();
    },
  };
}
