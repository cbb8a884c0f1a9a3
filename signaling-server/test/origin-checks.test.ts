import { NAMESPACES, SOCKET_PATH } from '@loket/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, storeSnapshot, type TestServer } from './harness.js';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer({ config: { corsOrigins: ['http://localhost:5173'] } });
  cookie = await server.login('petugas1');
});
afterAll(() => server.close());

/** Opens an agent socket with the session cookie as a page at `origin` would. */
function agentSocketFrom(origin: string): Promise<'connected' | string> {
  const socket = io(`${server.url}${NAMESPACES.agent}`, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie, origin },
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

const post = (path: string, origin: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('a page of another origin', () => {
  test('cannot open a socket with an officer’s cookie', async () => {
    expect(await agentSocketFrom('http://127.0.0.1:9999')).not.toBe('connected');
    expect(await agentSocketFrom('http://evil.localhost')).not.toBe('connected');
  });

  test('cannot sign an officer out or in, and nothing stored changes', async () => {
    const before = await storeSnapshot(server.db);
    const logout = await post('/api/auth/logout', 'http://127.0.0.1:9999');
    expect(logout.status).toBe(403);
    expect(((await logout.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const login = await post('/api/auth/login', 'http://127.0.0.1:9999', {
      username: 'petugas2',
      password: server.password('petugas2'),
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
    expect(await storeSnapshot(server.db)).toEqual(before);
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
  });
});

describe('the server’s own pages and the named origins', () => {
  test('open sockets', async () => {
    expect(await agentSocketFrom(server.url)).toBe('connected');
    expect(await agentSocketFrom('http://localhost:5173')).toBe('connected');
  });

  test('may sign in', async () => {
    const response = await post('/api/auth/login', server.url, {
      username: 'petugas2',
      password: server.password('petugas2'),
    });
    expect(response.status).toBe(200);
  });
});
