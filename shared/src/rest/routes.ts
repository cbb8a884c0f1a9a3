import type { z } from 'zod';
import { QuickReplies } from '../domain/chat.js';
import { AuditLog, AuditQuery } from './audit-log.js';
import { LoginBody, SessionResponse } from './auth.js';
import { KioskCredential, PairKioskBody } from './kiosk-pairing.js';
import { Report, ReportRequest } from './reports.js';
import { DisplayBoard, DisplayBoardRequest } from './display.js';
import { VisitSummary } from './summary.js';
import { VisitStatus, VisitTokenBody } from './visit.js';

/** One REST route: where it is, the body it takes and the body it answers (null: none). */
export interface RestRoute<
  B extends z.ZodType | null = z.ZodType | null,
  R extends z.ZodType | null = z.ZodType | null,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body: B;
  response: R;
}

/** A route's row; the types of both ends are inferred from the two schemas. */
export function route<B extends z.ZodType | null, R extends z.ZodType | null>(
  method: RestRoute['method'],
  path: string,
  body: B,
  response: R,
): RestRoute<B, R> {
  return { method, path, body, response };
}

/** What a client sends to route `R` (nothing for a route without a body). */
export type RouteBody<R extends RestRoute> = R['body'] extends z.ZodType
  ? z.input<R['body']>
  : void;

/** What the server answers on route `R` (nothing for a route that answers 204). */
export type RouteAnswer<R extends RestRoute> = R['response'] extends z.ZodType
  ? z.input<R['response']>
  : void;

/** What a client holds once it parsed the answer of route `R`. */
export type RouteData<R extends RestRoute> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : void;

/** Every REST route of the API; errors answer the shared `ErrorBody` with their status. */
export const restRoutes = {
  /** Signs in; the answer sets the httpOnly session cookie. */
  signIn: route('POST', '/api/auth/login', LoginBody, SessionResponse),
  /** The signed-in user, or UNAUTHENTICATED. */
  me: route('GET', '/api/auth/me', null, SessionResponse),
  /** Ends the session and clears its cookie; answers 204. */
  signOut: route('POST', '/api/auth/logout', null, null),
  /** A kiosk exchanges a one-time pairing code for its credential. */
  pairKiosk: route('POST', '/api/kiosk/pair', PairKioskBody, KioskCredential),
  /**
   * A visitor's phone follows their visit by its link's secret (in the body, so that it never
   * reaches an address or an access log); NOT_FOUND once the visit is over.
   */
  visitStatus: route('POST', '/api/visit/status', VisitTokenBody, VisitStatus),
  /** The visitor gives up their ticket from their phone; answers 204. */
  cancelVisit: route('POST', '/api/visit/cancel', VisitTokenBody, null),
  /**
   * A manager's (or administrator's) report over a range of days of their office, cut by period,
   * service, officer or need; posted because the question is a body, and nothing changes.
   */
  report: route('POST', '/api/reports', ReportRequest, Report),
  /** A manager's (or administrator's) reading of their office's audit log. */
  auditLog: route('POST', '/api/audit', AuditQuery, AuditLog),
  /**
   * The summary of a served visit, by its link's secret (in the body, as for the phone link);
   * NOT_FOUND for an unknown link or a visit not served, GONE once the office's retention ends.
   */
  visitSummary: route('POST', '/api/visit/summary', VisitTokenBody, VisitSummary),
  /**
   * A lobby display's board. Public and read-only, unlike a kiosk, which is paired: it carries
   * only the ticket numbers the lobby's own screens show to everyone in the room, so a TV
   * needs no credential to be stolen or rotated, and pairing would add nothing worth protecting.
   */
  displayBoard: route('POST', '/api/display/board', DisplayBoardRequest, DisplayBoard),
  /** A manager's (or administrator's) reading of their office's chat quick replies. */
  quickReplies: route('GET', '/api/office/quick-replies', null, QuickReplies),
  /** A manager (or administrator) replaces their office's chat quick replies. */
  setQuickReplies: route('PUT', '/api/office/quick-replies', QuickReplies, QuickReplies),
} as const satisfies Record<string, RestRoute>;
