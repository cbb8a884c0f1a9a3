import type { z } from 'zod';
import { AdminHours, UpdateHoursBody } from './admin/hours.js';
import { AdminOffice, SetLogoBody, UpdateOfficeBody } from './admin/office.js';
import {
  AdminService,
  AdminServices,
  ReorderServicesBody,
  RetireServiceBody,
  ServiceFields,
  UpdateServiceBody,
} from './admin/services.js';
import { QuickRepliesRecord } from './quick-replies.js';
import { AuditLog, AuditQuery } from './audit-log.js';
import { ComplaintList, ComplaintView, ForwardComplaint } from './complaints.js';
import {
  EnrolKioskBody,
  KioskAnswer,
  KioskList,
  KioskPairingAnswer,
  KiosksQuery,
  NewPairingBody,
  RenameKioskBody,
  RevokeKioskBody,
} from './admin/kiosks.js';
import {
  CreatePersonBody,
  PeopleList,
  PeopleQuery,
  PersonAnswer,
  ResetPasswordBody,
  SetPersonActiveBody,
  UpdatePersonBody,
} from './admin/people.js';
import { ChangePasswordBody, LoginBody, SessionResponse } from './auth.js';
import { KioskCredential, PairKioskBody } from './kiosk-pairing.js';
import { Report, ReportRequest } from './reports.js';
import { DisplayBoard, DisplayBoardRequest } from './display.js';
import { DispositionsBody } from './dispositions.js';
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
  /** A manager's (or administrator's) open complaints of their office, with their deadlines. */
  complaints: route('GET', '/api/complaints', null, ComplaintList),
  /**
   * A manager forwards a complaint to SP4N-LAPOR!; answers it as it now stands (forwarded,
   * retrying when LAPOR! could not be reached, rejected with LAPOR!'s reason). Audited.
   */
  forwardComplaint: route('POST', '/api/complaints/forward', ForwardComplaint, ComplaintView),
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
  /** The outcomes officers of the manager's (or administrator's) office pick at wrap-up. */
  dispositions: route('GET', '/api/dispositions', null, DispositionsBody),
  /**
   * Replaces the office's outcomes; calls keep the ids they were given, so an outcome taken off
   * the list still names old calls in reports.
   */
  setDispositions: route('PUT', '/api/dispositions', DispositionsBody, DispositionsBody),
  /** The signed-in user replaces their password (required after an administrator set it). */
  changePassword: route('POST', '/api/auth/password', ChangePasswordBody, SessionResponse),
  /** An administrator's list of their office's people and the skills they can give. */
  adminPeople: route('POST', '/api/admin/people', PeopleQuery, PeopleList),
  adminCreatePerson: route('POST', '/api/admin/people/create', CreatePersonBody, PersonAnswer),
  adminUpdatePerson: route('POST', '/api/admin/people/update', UpdatePersonBody, PersonAnswer),
  /** Deactivating signs the person out at once; refused for oneself and during a call. */
  adminSetPersonActive: route(
    'POST',
    '/api/admin/people/active',
    SetPersonActiveBody,
    PersonAnswer,
  ),
  adminResetPassword: route('POST', '/api/admin/people/password', ResetPasswordBody, PersonAnswer),
  /** An administrator's list of their office's kiosks, revoked ones included. */
  adminKiosks: route('POST', '/api/admin/kiosks', KiosksQuery, KioskList),
  /** Enrols a kiosk and answers its one-time pairing code. */
  adminEnrolKiosk: route('POST', '/api/admin/kiosks/enrol', EnrolKioskBody, KioskPairingAnswer),
  /** A fresh one-time pairing code for an enrolled kiosk; earlier codes stop working. */
  adminKioskPairing: route('POST', '/api/admin/kiosks/pairing', NewPairingBody, KioskPairingAnswer),
  adminRenameKiosk: route('POST', '/api/admin/kiosks/rename', RenameKioskBody, KioskAnswer),
  /** Revoking disconnects the kiosk, which then shows its unenrolled screen. */
  adminRevokeKiosk: route('POST', '/api/admin/kiosks/revoke', RevokeKioskBody, KioskAnswer),
  /** The administrator's own office. Every admin route refuses other roles (403, audited). */
  adminOffice: route('GET', '/api/admin/office', null, AdminOffice),
  /** Changes the office; CHANGED_ELSEWHERE when its version moved on. */
  updateOffice: route('PUT', '/api/admin/office', UpdateOfficeBody, AdminOffice),
  /**
   * Sets or removes the office's logo; TOO_LARGE, NOT_AN_IMAGE, or CHANGED_ELSEWHERE as for the
   * office. Kiosks read it from the public `GET /api/offices/:officeId/logo` (the office's logoUrl).
   */
  setOfficeLogo: route('PUT', '/api/admin/office/logo', SetLogoBody, AdminOffice),
  /** The office's services, retired ones included. */
  adminServices: route('GET', '/api/admin/services', null, AdminServices),
  /** Adds a service at the end of the list; DUPLICATE when another service has its letter. */
  createService: route('POST', '/api/admin/services', ServiceFields, AdminService),
  /** Changes a service; CHANGED_ELSEWHERE or DUPLICATE as for creating one. */
  updateService: route('PUT', '/api/admin/services', UpdateServiceBody, AdminService),
  /** Retires a service: it takes no new tickets, the waiting ones are still served. */
  retireService: route('POST', '/api/admin/services/retire', RetireServiceBody, AdminService),
  /** Puts the live services in a new display order. */
  reorderServices: route('POST', '/api/admin/services/order', ReorderServicesBody, AdminServices),
  /** The office's weekly hours, holidays and closures, with how it stands now. */
  adminHours: route('GET', '/api/admin/hours', null, AdminHours),
  /** Changes the hours; a holiday or closure in the past is PAST_DATE. */
  updateHours: route('PUT', '/api/admin/hours', UpdateHoursBody, AdminHours),
  /** A manager's (or administrator's) reading of their office's chat quick replies. */
  quickReplies: route('GET', '/api/office/quick-replies', null, QuickRepliesRecord),
  /**
   * A manager (or administrator) replaces their office's chat quick replies, from the version
   * they read (CHANGED_ELSEWHERE when someone saved since).
   */
  setQuickReplies: route(
    'PUT',
    '/api/office/quick-replies',
    QuickRepliesRecord,
    QuickRepliesRecord,
  ),
} as const satisfies Record<string, RestRoute>;
