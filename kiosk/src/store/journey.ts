import type { Id } from '@loket/shared';
import { command } from '../lib/socket';
import { kioskStore } from './kiosk-store';
import { resetVisit, showThanks } from './visit';

const { getState, setState } = kioskStore;

/** Attract → service: a visitor touched the screen. */
export function startVisit(): void {
  setState({ phase: 'service', notice: null });
}

/** Service → attract, keeping the visitor's language and display settings. */
export function backToAttract(): void {
  setState({ phase: 'attract', serviceId: null, clientId: null });
}

/** Service → consent for the chosen service. */
export function chooseService(serviceId: Id): void {
  const sameService = getState().serviceId === serviceId;
  setState({
    phase: 'consent',
    serviceId,
    clientId: sameService ? getState().clientId : null,
    error: null,
  });
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
  const { serviceId, language, busy } = getState();
  if (!serviceId || busy) return;
  const clientId = getState().clientId ?? crypto.randomUUID();
  setState({ clientId, busy: true, error: null });
  const result = await command('ticket:create', { clientId, serviceId, language });
  const now = getState();
  // A reconnect may already have brought the visitor to this ticket.
  if (result.ok && now.ticket?.id === result.data.ticket.id) return;
  if (now.phase !== 'consent' || now.clientId !== clientId) {
    // The visitor left (or the screen timed out) while the ticket was being made: give it back.
    if (result.ok) void command('ticket:cancel', { ticketId: result.data.ticket.id });
    return;
  }
  if (result.ok) {
    setState({ phase: 'waiting', ticket: result.data.ticket, busy: false });
  } else {
    setState({ busy: false, error: result.error.code });
  }
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

/** Thanks → attract at once. */
export function finishVisit(): void {
  resetVisit();
}

/** Forgets an error once the visitor has seen it. */
export function dismissError(): void {
  setState({ error: null });
}
