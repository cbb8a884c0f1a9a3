import { ErrorBody, restRoutes, VisitStatus, VisitToken } from '@loket/shared';

/** What the server said of a visit: how it stands, over (or never was), or not reachable now. */
export type VisitAnswer =
  { kind: 'status'; status: VisitStatus } | { kind: 'ended' } | { kind: 'unreachable' };

/** The link's secret, from the part of the address that never leaves the phone; null if none. */
export function tokenOfLink(hash: string): string | null {
  const token = VisitToken.safeParse(hash.replace(/^#/, ''));
  return token.success ? token.data : null;
}

async function post(path: string, token: string): Promise<Response | null> {
  try {
    return await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
    });
  } catch {
    return null;
  }
}

/** Asks how the visit stands. A refusal other than "not found" counts as not reachable now. */
export async function fetchVisit(token: string): Promise<VisitAnswer> {
  const response = await post(restRoutes.visitStatus.path, token);
  if (!response) return { kind: 'unreachable' };
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const status = VisitStatus.safeParse(json);
    return status.success ? { kind: 'status', status: status.data } : { kind: 'unreachable' };
  }
  const refused = ErrorBody.safeParse(json);
  return refused.success && refused.data.error.code === 'NOT_FOUND'
    ? { kind: 'ended' }
    : { kind: 'unreachable' };
}

/** Gives up the visit's ticket; answers whether the server took it. */
export async function cancelVisit(token: string): Promise<boolean> {
  const response = await post(restRoutes.cancelVisit.path, token);
  return response?.status === 204;
}
