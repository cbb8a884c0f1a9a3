import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

/** The pinned livekit-server that `scripts/livekit.sh` installs, or LIVEKIT_SERVER_BIN. */
export const LIVEKIT_BINARY =
  process.env.LIVEKIT_SERVER_BIN ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.tools/server');

/** Why the real LiveKit server cannot run here, or null when it can. */
export function livekitMissingReason(): string | null {
  try {
    fs.accessSync(LIVEKIT_BINARY, fs.constants.X_OK);
    return null;
  } catch {
    return `no livekit-server at ${LIVEKIT_BINARY}; run scripts/livekit.sh install`;
  }
}

/** A LiveKit server started for one test run on free ports of 127.0.0.1. */
export interface LiveKitProcess {
  /** `ws://127.0.0.1:<port>`, what browsers and Loket's LIVEKIT_URL use. */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The ports media reaches the server on (ICE over UDP, and TCP). */
  rtcPorts: number[];
  stop(): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`livekit-server exited:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`livekit-server did not start within 15 s:\n${log()}`);
}

/**
 * Starts the real livekit-server with fresh keys. Rooms are not created on join (`auto_create:
 * false`), as in production: only rooms Loket made can be joined, and a deleted room stays gone.
 * With `redis` (host:port) it is one node of a multi-node LiveKit; the nodes of one deployment
 * share that Redis and `keys`.
 */
export async function startLiveKit(options: LiveKitOptions = {}): Promise<LiveKitProcess> {
  // A test that needs the real server fails, saying why, rather than passing or skipping.
  const missing = livekitMissingReason();
  if (missing) throw new Error(`the LiveKit tests need the real server: ${missing}`);
  // A free port is only free when it is looked at: another process's outgoing connection may
  // take it before the server binds it. Then the server starts again on other ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePorts(options);
    } catch (error) {
      if (attempt === 3 || !String(error).includes('address already in use')) throw error;
    }
  }
}

/** What a LiveKit server is started with. */
interface LiveKitOptions {
  webhookUrl?: string;
  redis?: string;
  keys?: { apiKey: string; apiSecret: string };
}

async function startOnFreePorts(options: LiveKitOptions): Promise<LiveKitProcess> {
  const [port, tcpPort, udpPort] = [await freePort(), await freePort(), await freePort('udp')];
  const { apiKey, apiSecret } = options.keys ?? {
    apiKey: `test${randomBytes(4).toString('hex')}`,
    apiSecret: randomBytes(24).toString('hex'),
  };
  const config = [
    `port: ${port}`,
    'bind_addresses: ["127.0.0.1"]',
    'rtc:',
    `  tcp_port: ${tcpPort}`,
    `  udp_port: ${udpPort}`,
    '  use_external_ip: false',
    '  node_ip: 127.0.0.1',
    'room:',
    '  auto_create: false',
    'keys:',
    `  ${apiKey}: ${apiSecret}`,
    ...(options.redis ? ['redis:', `  address: ${options.redis}`] : []),
    'logging:',
    '  level: warn',
    ...(options.webhookUrl
      ? ['webhook:', `  api_key: ${apiKey}`, '  urls:', `    - ${options.webhookUrl}`]
      : []),
  ].join('\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-livekit-'));
  const configFile = path.join(dir, 'livekit.yaml');
  fs.writeFileSync(configFile, config);
  const child = spawn(LIVEKIT_BINARY, ['--config', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A worker that dies skips afterAll: never leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilUp(`http://127.0.0.1:${port}/`, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `ws://127.0.0.1:${port}`,
    apiKey,
    apiSecret,
    rtcPorts: [udpPort, tcpPort],
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
