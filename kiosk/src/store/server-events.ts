import type {
  CallEnded,
  CallStart,
  KioskBootstrap,
  KioskService,
  OfficeCatalogue,
  OfficeMessage,
  TicketStatus,
  TicketView,
} from '@loket/shared';
import { endActiveCall, leavePreparedRoom } from '../lib/active-call';
import { clearSignals } from '../lib/signal-relay';
import { applyDisplaySettings } from '../lib/document-settings';
import { command } from '../lib/commands';
import {
  changePhase,
  DEFAULT_SETTINGS,
  EMPTY_VISIT,
  kioskStore,
  type Connection,
  type KioskErrorCode,
  type Notice,
} from './kiosk-store';
import { PHASES } from './phases';
import { releaseMedia, resetVisit, showThanks } from './visit';

const { getState, setState } = kioskStore;

/** Ticket statuses in which the visitor waits at the kiosk. */
const QUEUED: readonly TicketStatus[] = ['waiting', 'offered'];

/** Ticket statuses that send a waiting visitor back to the start, with what to tell them. */
const CLOSED: Partial<Record<TicketStatus, Notice>> = {
  cancelled: 'cancelled',
  abandoned: 'abandoned',
  done: 'ended',
};

/**
 * The server sent an event whose payload does not pass its schema: it was dropped before it could
 * change anything, and the visitor is told something went wrong rather than left wondering.
 */
export function rejectMalformedEvent(event: string, error: unknown): void {
  console.error(`Dropped a malformed ${event} from the server`, error);
  setState({ error: 'BAD_RESPONSE' });
}

/** The socket connected or dropped. */
export function setConnection(connection: Connection): void {
  setState({ connection });
}

/** The kiosk has no credential the server takes; `error` says why a pairing link failed. */
export function markUnenrolled(error: KioskErrorCode | null = null): void {
  releaseMedia();
  changePhase('unenrolled', { ...EMPTY_VISIT, connection: 'offline', error });
  applyDisplaySettings(DEFAULT_SETTINGS);
}

/** Another screen holds this kiosk's connection now; any visit here is over. */
export function markReplaced(): void {
  releaseMedia();
  changePhase('replaced', { ...EMPTY_VISIT, connection: 'offline' });
  applyDisplaySettings(DEFAULT_SETTINGS);
}

/** Staff pair the kiosk or take the connection back: it starts again from the server's word. */
export function markStarting(): void {
  changePhase('starting', { ...EMPTY_VISIT, connection: 'connecting', error: null });
}

/**
 * What the server knows, on every (re)connect. A visitor who was taking a ticket, waiting or in a
 * call carries on; anyone else stays where they are, and a ticket or call the server still holds
 * for a visitor who has gone is given back.
 */
export function applyBootstrap({
  office,
  services,
  ticket,
  call,
  inService,
  speechLeavesOffice,
}: KioskBootstrap): void {
  const { phase } = getState();
  const queued = ticket && QUEUED.includes(ticket.status) ? ticket : null;
  setState({ office, services, inService, speechLeavesOffice });
  if (!PHASES[phase].resumable) {
    if (call) void command('call:end', { callId: call.callId });
    else if (queued) void command('ticket:cancel', { ticketId: queued.id });
    if (phase === 'unenrolled') changePhase('attract');
  } else if (call) {
    changePhase('call', { call, ticket, busy: false, error: null });
  } else if (queued) {
    changePhase('waiting', { ticket: queued, busy: false, error: null });
  } else if (phase === 'waiting') {
    resetVisit('ended');
  } else if (phase === 'call') {
    showThanks();
  } else if (phase === 'starting') {
    changePhase('attract');
  }
}

/** The visitor's ticket moved in the queue or was closed. */
export function applyTicketUpdate(ticket: TicketView): void {
  const state = getState();
  if (state.ticket?.id !== ticket.id) return;
  const notice = CLOSED[ticket.status];
  // An offer that went unanswered takes what was connected for its call with it.
  if (ticket.status === 'waiting') leavePreparedRoom();
  if (notice && state.phase === 'waiting') resetVisit(notice);
  else setState({ ticket });
}

/** An officer accepted the visitor's ticket; a call for a visitor who has gone is ended. */
export function applyCallStarted(call: CallStart): void {
  const { ticket, phase } = getState();
  if (ticket?.id === call.ticketId || PHASES[phase].resumable) {
    changePhase('call', { call, busy: false, error: null });
  } else {
    void command('call:end', { callId: call.callId });
  }
}

/** Why a call ended with the visitor still in the queue, and what to tell them. */
const BACK_IN_QUEUE: Partial<Record<CallEnded['reason'], Notice>> = {
  transferred: 'transferred',
  connection_lost: 'officerLost',
};

/**
 * The call is over, whoever ended it. After a transfer, or when the officer's connection was
 * lost, the visitor keeps their ticket and waits at the front. When it was this kiosk's
 * connection, the server has already closed the ticket: the visit ends and says why. Otherwise
 * the visitor is thanked.
 */
export function applyCallEnded({ callId, reason }: CallEnded): void {
  const { call, ticket } = getState();
  if (call?.callId !== callId) return;
  const closed = ticket && CLOSED[ticket.status];
  if (reason === 'connection_lost' && closed) {
    resetVisit(closed);
    return;
  }
  const notice = BACK_IN_QUEUE[reason];
  if (!notice || !ticket) {
    showThanks();
    return;
  }
  endActiveCall();
  clearSignals();
  changePhase('waiting', {
    call: null,
    notice,
    ticket: { ...ticket, status: 'waiting', position: null, wait: null },
  });
}

/** How long a desk manager's message stays on the kiosks. */
const MESSAGE_SHOWN_MS = 10 * 60 * 1000;

/** A desk manager's message for every kiosk of the office. */
export function applyOfficeMessage(message: OfficeMessage): void {
  setState({ officeMessage: message });
  setTimeout(() => {
    if (getState().officeMessage === message) setState({ officeMessage: null });
  }, MESSAGE_SHOWN_MS);
}

/**
 * A manager took the kiosk out of service or put it back. A visitor already under way finishes;
 * the kiosk shows that it is closed from the next start screen on.
 */
export function applyService({ inService }: KioskService): void {
  setState({ inService });
}

/** An administrator changed the office or its services: the screens show them at once. */
export function applyCatalogue({ office, services }: OfficeCatalogue): void {
  setState({ office, services });
}
