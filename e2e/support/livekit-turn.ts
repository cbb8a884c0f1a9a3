import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';

/** Debian's coturn. */
export const TURNSERVER = '/usr/bin/turnserver';

/** Why coturn cannot run here, or null when it can. */
export function coturnMissingReason(): string | null {
  try {
    fs.accessSync(TURNSERVER, fs.constants.X_OK);
    return null;
  } catch {
    return `no ${TURNSERVER}; apt-get install -y coturn`;
  }
}

/** A coturn started for one test run, checking logins against a shared secret. */
export interface Coturn {
  url: string;
  secret: string;
  stop(): Promise<void>;
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

/**
 * Starts coturn on 127.0.0.1 with the REST-API scheme (`use-auth-secret`): it accepts any
 * `expiry:identity` username whose password is HMAC-SHA1 of it under the secret, until expiry.
 * Loopback peers are allowed because both browsers are on this machine.
 */
export async function startCoturn(): Promise<Coturn> {
  const missing = coturnMissingReason();
  if (missing) throw new Error(`the relay test needs coturn: ${missing}`);
  const port = await freeUdpPort();
  const relayStart = 40000 + Math.floor(Math.random() * 20000);
  const secret = randomBytes(16).toString('hex');
  const child = spawn(
    TURNSERVER,
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      `--min-port=${relayStart}`,
      `--max-port=${relayStart + 200}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=loket.test',
      '--allow-loopback-peers',
      '--no-cli',
      '--no-tls',
      '--no-dtls',
      '--fingerprint',
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`coturn did not start:\n${output}`)), 10_000);
    const watch = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (/Total (UDP|General) servers: [1-9]|IPv4\. UDP listener opened/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`coturn exited with ${code}:\n${output}`));
    });
  });
  await ready;
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
