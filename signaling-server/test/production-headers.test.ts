import fs from 'node:fs';
import { get } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SCRIPT = 'console.log("loket");'.repeat(50);

/** A built app's folder with one script, its source map, and its brotli and gzip forms. */
function builtApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-app-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'assets', 'app.js.br'), brotliCompressSync(SCRIPT));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js.gz'), gzipSync(SCRIPT));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js.map'), '{"version":3}');
  return dir;
}

/** GET with exactly the Accept-Encoding given: status, headers and the body's raw bytes. */
function getRaw(url: string, acceptEncoding: string | null) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const headers = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
      get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      }).on('error', reject);
    },
  );
}

describe('over plain http', () => {
  test('no HSTS or upgrade-insecure-requests, and sockets only to the server itself', async () => {
    server = await startServer();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get('strict-transport-security')).toBeNull();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/\bwss?:/);
  });
});

describe('over https', () => {
  test('HSTS and upgrade-insecure-requests are sent', async () => {
    server = await startServer({ config: { secureCookies: true } });
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});

describe('the Permissions-Policy', () => {
  test('allows camera and microphone to the two apps and to nothing else', async () => {
    const dir = builtApp();
    server = await startServer({ config: { kioskDist: dir, consoleDist: dir } });
    for (const page of ['/kiosk/', '/console/']) {
      const policy = (await fetch(`${server.url}${page}`)).headers.get('permissions-policy');
      expect(policy).toContain('camera=(self)');
      expect(policy).toContain('microphone=(self)');
    }
    for (const other of ['/healthz', '/api/auth/me']) {
      const policy = (await fetch(`${server.url}${other}`)).headers.get('permissions-policy');
      expect(policy).toContain('camera=()');
      expect(policy).toContain('microphone=()');
    }
  });
});

describe('built assets', () => {
  test('are sent precompressed as the browser accepts, brotli first, and plain to anyone else', async () => {
    server = await startServer({ config: { kioskDist: builtApp() } });
    const url = `${server.url}/kiosk/assets/app.js`;

    const br = await getRaw(url, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': expect.stringMatching(/javascript/),
      'cache-control': 'public, max-age=31536000, immutable',
      vary: expect.stringMatching(/accept-encoding/i),
    });
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 5);

    const gz = await getRaw(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await getRaw(url, null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });
});

describe('source maps', () => {
  test('are not served in production, and are served to a developer', async () => {
    const dir = builtApp();
    server = await startServer({ config: { kioskDist: dir, serveSourceMaps: false } });
    expect((await fetch(`${server.url}/kiosk/assets/app.js.map`)).status).toBe(404);
    expect((await fetch(`${server.url}/kiosk/assets/app.js`)).status).toBe(200);
    await server.close();
    server = await startServer({ config: { kioskDist: dir, serveSourceMaps: true } });
    expect((await fetch(`${server.url}/kiosk/assets/app.js.map`)).status).toBe(200);
  });
});

describe('request bodies', () => {
  const login = (body: string) =>
    fetch(`${server!.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  test('one too large is answered 413 TOO_LARGE', async () => {
    server = await startServer();
    const response = await login(JSON.stringify({ username: 'x'.repeat(20_000), password: 'y' }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'TOO_LARGE', message: 'the request body is too large' },
    });
  });

  test('malformed JSON is answered 400 without echoing the input', async () => {
    server = await startServer();
    const response = await login('{"username": "<script>alert(1)</script>", ');
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain('script');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'BAD_REQUEST', message: 'the request body is not valid JSON' },
    });
  });
});
