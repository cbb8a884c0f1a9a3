import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { livekitMissingReason, startLiveKit, type LiveKitProcess } from './livekit-server.js';

/** Port of the LiveKit-configured Loket; the P2P one in playwright.config.ts stays on 8090. */
export const LIVEKIT_LOKET_PORT = 8091;

/** Its own data folder, so both servers start from their own demo data. */
const DATA_DIR = path.resolve('test-output/e2e-livekit-data');

/** A built Loket server whose calls go through a real LiveKit server. */
export interface LiveKitLoket {
  baseURL: string;
  livekit: LiveKitProcess;
  kioskToken: string;
  password(username: string): string;
  stop(): Promise<void>;
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

/** Starts livekit-server, then the built Loket with LIVEKIT_* pointing at it. */
export async function startLiveKitLoket(): Promise<LiveKitLoket> {
  const baseURL = `http://127.0.0.1:${LIVEKIT_LOKET_PORT}`;
  const livekit = await startLiveKit({ webhookUrl: `${baseURL}/livekit/webhook` });
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const child = spawn('node', ['signaling-server/dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(LIVEKIT_LOKET_PORT),
      HOST: '127.0.0.1',
      DATA_DIR,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
      OFFER_TIMEOUT_SECONDS: '60',
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for reading after a failed run.
  const logFile = fs.createWriteStream(path.resolve('test-output/e2e-livekit-loket.log'));
  child.stdout?.pipe(logFile);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    logFile.write(chunk);
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  try {
    await waitForHealth(`${baseURL}/healthz`, () =>
      child.exitCode === null ? null : `Loket exited with ${child.exitCode}:\n${stderr}`,
    );
  } catch (error) {
    child.kill('SIGKILL');
    await livekit.stop();
    throw error;
  }
  const demo = JSON.parse(
    fs.readFileSync(path.join(DATA_DIR, 'demo-credentials.json'), 'utf8'),
  ) as { kioskToken: string; users: { username: string; password: string }[] };
  return {
    baseURL,
    livekit,
    kioskToken: demo.kioskToken,
    password(username) {
      const user = demo.users.find((u) => u.username === username);
      if (!user) throw new Error(`no demo user ${username}`);
      return user.password;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await livekit.stop();
    },
  };
}
