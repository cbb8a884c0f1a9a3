import { ErrorBody, restRoutes, VisitSummary, VisitToken } from '@loket/shared';

/** What the server said of a summary: here it is, never was, its time is over, or not reachable. */
export type SummaryAnswer =
  | { kind: 'summary'; summary: VisitSummary }
  | { kind: 'notFound' }
  | { kind: 'gone' }
  | { kind: 'unreachable' };

/** The link's secret, from the part of the address that never leaves the phone; null if none. */
export function tokenOfLink(hash: string): string | null {
  const token = VisitToken.safeParse(hash.replace(/^#/, ''));
  return token.success ? token.data : null;
}

/** Asks for the visit's summary. A refusal other than "not found" or "gone" counts as unreachable. */
export async function fetchSummary(token: string): Promise<SummaryAnswer> {
  let response: Response;
  try {
    response = await fetch(restRoutes.visitSummary.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const summary = VisitSummary.safeParse(json);
    return summary.success ? { kind: 'summary', summary: summary.data } : { kind: 'unreachable' };
  }
  const refused = ErrorBody.safeParse(json);
  if (!refused.success) return { kind: 'unreachable' };
  if (refused.data.error.code === 'NOT_FOUND') return { kind: 'notFound' };
  if (refused.data.error.code === 'GONE') return { kind: 'gone' };
  return { kind: 'unreachable' };
}
