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

let leaveRoom: (() => void) | null = null;

/**
 * Records how to leave the room joined while an officer's offer rings (LiveKit), or that there is
 * none any more (the call took it over).
 */
export function setPreparedRoom(leavePrepared: (() => void) | null): void {
  leaveRoom = leavePrepared;
}

/** Leaves the room joined for a call that did not start; safe to call at any time. */
export function leavePreparedRoom(): void {
  const current = leaveRoom;
  leaveRoom = null;
  current?.();
}
