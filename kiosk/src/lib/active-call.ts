/**
 * The one call in progress, as far as code outside the lazily loaded call chunk needs to know:
 * a way to end its media. The store ends it when the call is over, whichever side ended it.
 */
let leave: (() => void) | null = null;

/** Records how to end the call that just started. */
export function setActiveCall(leaveCall: () => void): void {
  leave = leaveCall;
}

/** Ends the call's media if one is running; safe to call at any time. */
export function endActiveCall(): void {
  const current = leave;
  leave = null;
  current?.();
}
