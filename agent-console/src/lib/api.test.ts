import { afterEach, describe, expect, test, vi } from 'vitest';
import { agentUser } from '../test/fixtures';
import { fetchSession, login, logout } from './api';
import { ConsoleError } from './errors';

function respond(status: number, body?: unknown) {
  const fetchMock = vi.fn(
    async () =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  test('login posts the credentials and parses the signed-in user', async () => {
    const fetchMock = respond(200, { user: agentUser });
    await expect(login({ username: 'sari', password: 'rahasia' })).resolves.toEqual(agentUser);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/auth/login',
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify({ username: 'sari', password: 'rahasia' }),
      }),
    );
  });

  test('a 401 with an error body becomes a typed error with its code', async () => {
    respond(401, { error: { code: 'INVALID_CREDENTIALS', message: 'nope' } });
    const failure = login({ username: 'sari', password: 'x' });
    await expect(failure).rejects.toBeInstanceOf(ConsoleError);
    await expect(failure).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  test('a 401 without a body still maps to UNAUTHENTICATED', async () => {
    respond(401);
    await expect(fetchSession()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  test('a success body of the wrong shape is refused as BAD_RESPONSE', async () => {
    respond(200, { user: { id: 'u-1' } });
    await expect(fetchSession()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  test('a network failure becomes NETWORK', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(fetchSession()).rejects.toMatchObject({ code: 'NETWORK' });
  });

  test('logout accepts an empty 204', async () => {
    respond(204);
    await expect(logout()).resolves.toBeUndefined();
  });
});
