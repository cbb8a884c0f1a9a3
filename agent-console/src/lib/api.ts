import {
  ErrorBody,
  restRoutes,
  type LoginBody,
  type RestRoute,
  type RouteBody,
  type RouteData,
  type SessionUser,
} from '@loket/shared';
import { ConsoleError, parseOrThrow } from './errors';

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/**
 * Calls one route of the shared REST table with the body it takes, and resolves with its answer
 * parsed with the route's schema. A refusal, a network failure or a malformed answer rejects with
 * a ConsoleError whose code the screens translate.
 */
export async function callRoute<R extends RestRoute>(
  route: R,
  ...[body]: RouteBody<R> extends void ? [] : [RouteBody<R>]
): Promise<RouteData<R>> {
  let response: Response;
  try {
    response = await fetch(route.path, {
      method: route.method,
      credentials: 'same-origin',
      headers: JSON_HEADERS,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ConsoleError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(json);
    if (parsed.success) {
      const { code, message, retryAt } = parsed.data.error;
      throw new ConsoleError(code, message, retryAt ?? null);
    }
    throw new ConsoleError(
      response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL',
      response.statusText,
    );
  }
  return (route.response ? parseOrThrow(route.response, json) : undefined) as RouteData<R>;
}

/** Signs in; the server sets the session cookie. */
export async function login(body: LoginBody): Promise<SessionUser> {
  return (await callRoute(restRoutes.signIn, body)).user;
}

/** The signed-in user; throws a ConsoleError with code UNAUTHENTICATED when there is none. */
export async function fetchSession(): Promise<SessionUser> {
  return (await callRoute(restRoutes.me)).user;
}

/** Ends the session and clears its cookie. */
export async function logout(): Promise<void> {
  await callRoute(restRoutes.signOut);
}
