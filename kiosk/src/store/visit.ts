import { endActiveCall, leavePreparedRoom } from '../lib/active-call';
import { closeCamera } from '../lib/camera';
import { applyDisplaySettings } from '../lib/document-settings';
import { clearSignals } from '../lib/signal-relay';
import { changePhase, DEFAULT_SETTINGS, EMPTY_VISIT, kioskStore, type Notice } from './kiosk-store';

/** Stops everything that could still see or hear the visitor. */
export function releaseMedia(): void {
  endActiveCall();
  leavePreparedRoom();
  closeCamera();
  clearSignals();
}

/**
 * Ends a visit and shows the attract screen to the next visitor: nothing of the last one stays,
 * not their ticket, their camera, their language nor their display settings.
 */
export function resetVisit(notice: Notice | null = null): void {
  releaseMedia();
  changePhase('attract', { ...EMPTY_VISIT, notice });
  applyDisplaySettings(DEFAULT_SETTINGS);
}

/** The call is over: thank the visitor, ask how it went, and forget their ticket. */
export function showThanks(): void {
  const { ticket, call } = kioskStore.getState();
  releaseMedia();
  changePhase('thanks', {
    ticket: null,
    call: null,
    busy: false,
    error: null,
    surveyTicketId: call?.ticketId ?? ticket?.id ?? null,
    summaryToken: ticket?.summaryToken ?? null,
  });
}
