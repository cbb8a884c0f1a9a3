import type { CallEndReason, Transport } from '@loket/shared';

/** How an offer left the officer's screen. */
export type OfferOutcome = 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'abandoned';

/** Where a measurement belongs: the office and the service of its ticket. */
export interface QueuePlace {
  officeId: string;
  serviceId: string;
}

/**
 * What the server measures as it works, for Prometheus. Use cases record through the outbox, so
 * only what committed is counted.
 */
export interface Telemetry {
  /** An offer was answered or ended unanswered; `answerMs` is how long it rang. */
  offerEnded(place: QueuePlace, outcome: OfferOutcome, answerMs: number): void;
  /** A visitor was answered for the first time, `waitedMs` after taking their ticket. */
  visitorAnswered(place: QueuePlace, waitedMs: number): void;
  callStarted(officeId: string, transport: Transport): void;
  callEnded(
    officeId: string,
    transport: Transport,
    reason: CallEndReason,
    durationMs: number,
  ): void;
}

/** Measures nothing: the server without a metrics token. */
export const noTelemetry: Telemetry = {
  offerEnded() {},
  visitorAnswered() {},
  callStarted() {},
  callEnded() {},
};
