import type { CallEnded, CallStart, KioskBootstrap, TicketStatus, TicketView } from '@loket/shared';
import { applyDisplaySettings } from '../lib/document-settings';
import { command } from '../lib/socket';
import {
  DEFAULT_SETTINGS,
  EMPTY_VISIT,
  kioskStore,
  type Connection,
  type Notice,
  type Phase,
} from './kiosk-store';
import { releaseMedia, resetVisit, showThanks } from './visit';

const { getState, setState } = kioskStore;

/** Ticket statuses in which the visitor waits at the kiosk. */
const QUEUED: readonly TicketStatus[] = ['waiting', 'offered'];

/** Ticket statuses that send a waiting visitor back to the start, with what to tell them. */
const CLOSED: Partial<Record<TicketStatus, Notice>> = {
  cancelled: 'cancelled',
  abandoned: 'abandoned',
  expired: 'expired',
  done: 'ended',
  callback: 'ended',
};

/** Phases in which a ticket or call the server holds for this kiosk is the visitor's own. */
const RESUMABLE: readonly Phase[] = ['starting', 'consent', 'waiting', 'call'];

/** The socket connected or dropped. */
export function setConnection(connection: Connection): void {
  setState({ connection });
}

/** The server refused the device token. */
export function markUnenrolled(): void {
  releaseMedia();
  setState({ ...EMPTY_VISIT, phase: 'unenrolled', connection: 'offline' });
  applyDisplaySettings(DEFAULT_SETTINGS);
}

/**
 * What the server knows, on every (re)connect. A visitor who was taking a ticket, waiting or in a
 * call carries on; anyone else stays where they are, and a ticket or call the server still holds
 * for a visitor who has gone is given back.
 */
export function applyBootstrap({ office, services, ticket, call }: KioskBootstrap): void {
  const { phase } = getState();
  const queued = ticket && QUEUED.includes(ticket.status) ? ticket : null;
  setState({ office, services });
  if (!RESUMABLE.includes(phase)) {
    if (call) void command('call:end', { callId: call.callId });
    else if (queued) void command('ticket:cancel', { ticketId: queued.id });
    if (phase === 'unenrolled') setState({ phase: 'attract' });
  } else if (call) {
    setState({ phase: 'call', call, ticket, busy: false, error: null });
  } else if (queued) {
    setState({ phase: 'waiting', ticket: queued, busy: false, error: null });
  } else if (phase === 'waiting') {
    resetVisit('ended');
  } else if (phase === 'call') {
    showThanks();
  } else if (phase === 'starting') {
    setState({ phase: 'attract' });
  }
}

/** The visitor's ticket moved in the queue or was closed. */
export function applyTicketUpdate(ticket: TicketView): void {
  const state = getState();
  if (state.ticket?.id !== ticket.id) return;
  const notice = CLOSED[ticket.status];
  if (notice && state.phase === 'waiting') resetVisit(notice);
  else setState({ ticket });
}

/** An officer accepted the visitor's ticket; a call for a visitor who has gone is ended. */
export function applyCallStarted(call: CallStart): void {
  const { ticket, phase } = getState();
  if (ticket?.id === call.ticketId || RESUMABLE.includes(phase)) {
    setState({ phase: 'call', call, busy: false, error: null });
  } else {
    void command('call:end', { callId: call.callId });
  }
}

/** The call is over, whoever ended it. */
export function applyCallEnded({ callId }: CallEnded): void {
  if (getState().call?.callId === callId) showThanks();
}
