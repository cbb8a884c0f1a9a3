import { afterEach, describe, expect, test } from 'vitest';
import { startServer, storeSnapshot, type TestServer } from './harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Answer {
  status: number;
  code: string | undefined;
  retryAt: number | undefined;
  retryAfter: string | null;
}

async function signIn(
  url: string,
  username: string,
  password: string,
  forwardedFor?: string,
): Promise<Answer> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    error?: { code: string; retryAt?: number };
  };
  return {
    status: response.status,
    code: body.error?.code,
    retryAt: body.error?.retryAt,
    retryAfter: response.headers.get('retry-after'),
  };
}

const forgedAddress = (i: number) => `203.0.113.${i + 1}`;

describe('sign-in throttling', () => {
  test('a forged X-Forwarded-For does not give a client a fresh address', async () => {
    server = await startServer({ config: { loginRatePerMinute: 5 } });
    const answers: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      answers.push((await signIn(server.url, `nobody${i}`, 'wrong', forgedAddress(i))).status);
    }
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5)).toEqual([429, 429, 429]);
  });

  test('a username is locked after wrong passwords from any number of addresses', async () => {
    server = await startServer({
      config: { loginRatePerMinute: 1000, loginFailuresPerUser: 3, trustProxy: ['loopback'] },
    });
    for (let i = 0; i < 3; i += 1) {
      expect((await signIn(server.url, 'petugas1', 'wrong', forgedAddress(i))).status).toBe(401);
    }
    const before = await storeSnapshot(server.db);
    const locked = await signIn(
      server.url,
      'petugas1',
      server.password('petugas1'),
      '198.51.100.7',
    );
    expect(locked).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(locked.retryAt).toBeGreaterThan(Date.now());
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    // The refused attempt wrote no session.
    expect(await storeSnapshot(server.db)).toEqual(before);
    // Another officer is not affected.
    expect((await signIn(server.url, 'petugas2', server.password('petugas2'))).status).toBe(200);
  });

  test('the lock-out is written to the office’s audit log', async () => {
    server = await startServer({ config: { loginFailuresPerUser: 2 } });
    await signIn(server.url, 'petugas1', 'wrong');
    await signIn(server.url, 'petugas1', 'wrong');
    const entries = await server.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type'])
      .where('action', '=', 'user.locked_out')
      .execute();
    expect(entries).toEqual([{ action: 'user.locked_out', actor_type: 'system' }]);
  });

  test('behind a trusted proxy, each client has its own address budget', async () => {
    server = await startServer({ config: { loginRatePerMinute: 2, trustProxy: 1 } });
    // Ten officers behind one proxy each sign in once: nobody is locked out by the others.
    for (let i = 0; i < 10; i += 1) {
      const username = i % 2 ? 'petugas1' : 'petugas2';
      expect(
        (await signIn(server.url, username, server.password(username), forgedAddress(i))).status,
      ).toBe(200);
    }
  });

  test('parallel wrong passwords queue and leave the server free to answer others', async () => {
    server = await startServer({
      config: { loginRatePerMinute: 1000, loginFailuresPerUser: 1000 },
    });
    const order: string[] = [];
    const signIns = Array.from({ length: 16 }, (_, i) =>
      signIn(server!.url, `nobody${i}`, 'wrong').then(() => order.push('sign-in')),
    );
    // A static file is looked up on the same thread pool as password hashing.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const asset = fetch(`${server.url}/kiosk/assets/app.js`).then((response) => {
      order.push('asset');
      return response.status;
    });
    expect(await asset).toBe(503);
    await Promise.all(signIns);
    expect(order.indexOf('asset')).toBeLessThan(4);
  });
});
