import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { freePort } from '../../e2e/support/free-port.js';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let child: ChildProcess | null = null;
let dir: string | null = null;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  child = null;
  dir = null;
});

/** A self-signed certificate for 127.0.0.1, made as an operator would with openssl. */
function selfSigned(folder: string): { cert: string; key: string } {
  const cert = path.join(folder, 'cert.pem');
  const key = path.join(folder, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

/** One request; answers the status, the Location header and the certificate's subject. */
function get(url: string): Promise<{ status: number; location?: string; subject?: string }> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { rejectUnauthorized: false }, (response) => {
      response.resume();
      const socket = response.socket as {
        getPeerCertificate?: () => { subject?: { CN?: string } };
      };
      resolve({
        status: response.statusCode ?? 0,
        location: response.headers.location,
        subject: socket.getPeerCertificate?.().subject?.CN,
      });
    });
    request.on('error', reject);
  });
}

async function startTls(env: Record<string, string>): Promise<{ output: () => string }> {
  let output = '';
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', DEMO_DATA: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    const answer = await get(`https://127.0.0.1:${env.PORT}/healthz`).catch(() => null);
    if (answer?.status === 200 && output.includes('Loket is running'))
      return { output: () => output };
    if (Date.now() > deadline) throw new Error(`not healthy over https:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('https served by Loket itself', () => {
  test('with TLS_CERT and TLS_KEY it speaks https, and its plain-http port sends every request there', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-tls-'));
    const { cert, key } = selfSigned(dir);
    const port = await freePort();
    const redirectPort = await freePort();
    const server = await startTls({
      PORT: String(port),
      HTTP_REDIRECT_PORT: String(redirectPort),
      TLS_CERT: cert,
      TLS_KEY: key,
      DATA_DIR: dir,
    });
    expect(await get(`https://127.0.0.1:${port}/healthz`)).toMatchObject({
      status: 200,
      subject: '127.0.0.1',
    });
    expect(await get(`http://127.0.0.1:${redirectPort}/kiosk/?a=1`)).toMatchObject({
      status: 308,
      location: `https://127.0.0.1:${port}/kiosk/?a=1`,
    });
    expect(server.output()).toContain(`https://localhost:${port}/console/`);
    expect(server.output()).not.toContain('cannot use its camera');
  });

  test('refuses to start with a certificate but no key, or a file it cannot read', () => {
    const run = (env: Record<string, string>) => {
      try {
        execFileSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          cwd: SERVER_DIR,
          env: { ...process.env, NODE_ENV: 'test', DEMO_DATA: 'false', PORT: '0', ...env },
          stdio: 'pipe',
        });
        return { code: 0, stderr: '' };
      } catch (error) {
        const failed = error as { status: number; stderr: Buffer };
        return { code: failed.status, stderr: failed.stderr.toString() };
      }
    };
    expect(run({ TLS_CERT: '/nowhere/cert.pem' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('TLS_CERT, TLS_KEY: set both or neither'),
    });
    expect(run({ TLS_CERT: '/nowhere/cert.pem', TLS_KEY: '/nowhere/key.pem' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('TLS_CERT: cannot read /nowhere/cert.pem'),
    });
  });
});
