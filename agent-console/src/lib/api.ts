import { ErrorBody, SessionResponse, type LoginBody, type SessionUser } from '@loket/shared';
import { ConsoleError, parseOrThrow, type Parser } from './errors';

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    throw new ConsoleError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => null);
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) throw new ConsoleError(parsed.data.error.code, parsed.data.error.message);
  throw new ConsoleError(
    response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL',
    response.statusText,
  );
}

async function json<T>(path: string, parser: Parser<T>, init?: RequestInit): Promise<T> {
  const response = await send(path, init);
  const body: unknown = await response.json().catch(() => undefined);
  return parseOrThrow(parser, body);
}

/** Signs in; the server sets the session cookie. */
export async function login(body: LoginBody): Promise<SessionUser> {
  const init = { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) };
  return (await json('/api/auth/login', SessionResponse, init)).user;
}

/** The signed-in user; throws a ConsoleError with code UNAUTHENTICATED when there is none. */
export async function fetchSession(): Promise<SessionUser> {
  return (await json('/api/auth/me', SessionResponse, { headers: JSON_HEADERS })).user;
}

/** Ends the session and clears its cookie. */
export async function logout(): Promise<void> {
  await send('/api/auth/logout', { method: 'POST', headers: JSON_HEADERS });
}
