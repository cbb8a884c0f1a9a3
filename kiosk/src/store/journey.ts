import type { Id, SkmElement, SkmScore } from '@loket/shared';
import { enterFullscreen } from '../lib/device';
import { command } from '../lib/commands';
import type { CommandResult } from '../lib/socket';
import { changePhase, kioskStore, type KioskErrorCode, type Unavailable } from './kiosk-store';
import { PHASES } from './phases';
import { resetVisit, showThanks } from './visit';

const { getState, setState } = kioskStore;

/** Attract → service: a visitor touched the screen, which lets the kiosk take the whole screen. */
export function startVisit(): void {
  enterFullscreen();
  changePhase('service', { notice: null });
}

/**
 * Attract → service for a visitor who signs: sign language is declared from the first touch, so
 * the ticket goes to an officer who signs BISINDO.
 */
export function startSigningVisit(): void {
  enterFullscreen();
  const { needs } = getState();
  const signing = needs.includes('sign_language') ? needs : [...needs, 'sign_language' as const];
  changePhase('service', { notice: null, needs: signing });
}

/** Service → attract, keeping the visitor's language, display settings and declared needs. */
export function backToAttract(): void {
  changePhase('attract', { serviceId: null, clientId: null, busy: false });
}

/**
 * Service → consent for the chosen service, once the server says someone can serve it now;
 * otherwise → unavailable, saying why. If the server cannot tell, the ticket request decides.
 */
export async function chooseService(serviceId: Id): Promise<void> {
  const { language, needs, busy } = getState();
  if (busy) return;
  const sameService = getState().serviceId === serviceId;
  setState({
    serviceId,
    clientId: sameService ? getState().clientId : null,
    busy: true,
    error: null,
  });
  const result = await command('service:availability', { serviceId, language, needs });
  const now = getState();
  if (now.phase !== 'service' || now.serviceId !== serviceId) return;
  if (!result.ok) return changePhase('consent', { busy: false });
  const { available, reason, nextOpening, onDuty } = result.data;
  if (available) return changePhase('consent', { busy: false, onDuty });
  changePhase('unavailable', {
    busy: false,
    onDuty,
    unavailable: { reason: reason ?? 'no_agent', nextOpening },
  });
}

/**
 * Asks which needs (sign language…) an officer on duty can serve, for the service screen. Any
 * service will do: the answer is about the officers on duty.
 */
export async function refreshOnDuty(): Promise<void> {
  const { services, language } = getState();
  const serviceId = services[0]?.id;
  if (!serviceId) return;
  const result = await command('service:availability', { serviceId, language });
  if (result.ok) setState({ onDuty: result.data.onDuty });
}

/** Consent declined: the visit ends here. */
export function declineConsent(): void {
  resetVisit();
}

/**
 * Consent given: take a ticket. The request id is kept, so a retry after a timeout gets the same
 * ticket instead of a second one.
 */
export async function takeTicket(): Promise<void> {
  const { serviceId, language, needs, busy } = getState();
  if (!serviceId || busy) return;
  const clientId = getState().clientId ?? crypto.randomUUID();
  setState({ clientId, busy: true, error: null });
  const result = await command('ticket:create', {
    clientId,
    serviceId,
    language,
    needs,
  });
  const now = getState();
  // A reconnect may already have brought the visitor to this ticket.
  if (result.ok && now.ticket?.id === result.data.ticket.id) return;
  if (!PHASES[now.phase].takesTicket || now.clientId !== clientId) {
    // The visitor left (or the screen timed out) while the ticket was being made: give it back.
    if (result.ok) void command('ticket:cancel', { ticketId: result.data.ticket.id });
    return;
  }
  const unavailable = result.ok ? null : unavailableFrom(result.error);
  if (result.ok) {
    changePhase('waiting', { ticket: result.data.ticket, busy: false });
  } else if (unavailable) {
    // The request was refused, so its id is spent.
    changePhase('unavailable', { unavailable, busy: false, clientId: null });
  } else {
    setState({ busy: false, error: result.error.code });
  }
}

/** The refusals that mean "nobody can serve you now", as the unavailable screen explains them. */
const UNAVAILABLE: Partial<Record<KioskErrorCode, Unavailable['reason']>> = {
  OUTSIDE_HOURS: 'outside_hours',
  NO_AGENT_AVAILABLE: 'no_agent',
  BUSY: 'busy',
};

function unavailableFrom(error: Extract<CommandResult<unknown>, { ok: false }>['error']) {
  const reason = UNAVAILABLE[error.code];
  return reason ? { reason, nextOpening: error.retryAt ?? null } : null;
}

/** The visitor gives up their ticket; a ticket the server no longer knows counts as given up. */
export async function cancelTicket(): Promise<void> {
  const { ticket, busy } = getState();
  if (!ticket || busy) return;
  setState({ busy: true, error: null });
  const result = await command('ticket:cancel', { ticketId: ticket.id });
  if (getState().ticket?.id !== ticket.id) return;
  if (result.ok || result.error.code === 'NOT_FOUND' || result.error.code === 'INVALID_STATE') {
    resetVisit();
  } else {
    setState({ busy: false, error: result.error.code });
  }
}

/** The visitor ends the call. Whatever the server answers, the call is over for them. */
export async function endCall(): Promise<void> {
  const { call, busy } = getState();
  if (!call || busy) return;
  setState({ busy: true });
  await command('call:end', { callId: call.callId });
  if (getState().call?.callId === call.callId) showThanks();
}

/** The visitor's SKM answers, from the thank-you screen. */
export interface SurveyAnswers {
  overall: SkmScore | null;
  scores: Partial<Record<SkmElement, SkmScore>>;
  /** What the visitor typed, as typed: the server trims it. */
  comment: string;
  /** The comment is a complaint the office may forward to SP4N-LAPOR! (only with a comment). */
  complaint?: boolean;
}

/** Whether the visitor left every question and the comment out: a skipped survey. */
export function unanswered(answers: SurveyAnswers): boolean {
  return (
    answers.overall === null &&
    Object.keys(answers.scores).length === 0 &&
    answers.comment.trim() === ''
  );
}

/**
 * Sends the visitor's survey about the visit just served; answers whether the server took it. A
 * survey nobody answered is a skipped one and is not sent. It is sent once: the visit's ticket is
 * forgotten whatever the answer, so a failure never holds up the next visitor.
 */
export async function sendSurvey(answers: SurveyAnswers): Promise<boolean> {
  const { surveyTicketId, busy } = getState();
  if (!surveyTicketId || busy) return false;
  if (unanswered(answers)) return false;
  setState({ busy: true, error: null });
  const { comment, ...scores } = answers;
  const result = await command('survey:submit', {
    ticketId: surveyTicketId,
    ...scores,
    ...(comment.trim() === '' ? {} : { comment }),
  });
  if (getState().surveyTicketId !== surveyTicketId) return false;
  setState({ busy: false, surveyTicketId: null, error: result.ok ? null : result.error.code });
  return result.ok;
}

/** Thanks → attract at once. */
export function finishVisit(): void {
  resetVisit();
}

/** Forgets an error once the visitor has seen it. */
export function dismissError(): void {
  setState({ error: null });
}
