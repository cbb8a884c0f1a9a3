/** What the kiosk does on one phase of the journey, whatever screen shows it. */
export interface PhaseRow {
  /**
   * A ticket or call the server holds for this kiosk belongs to the visitor on this screen, so
   * after a reconnect they carry on with it; on any other screen it is given back.
   */
  resumable: boolean;
  /** Left alone, the screen asks whether the visitor is still there, then goes back to the start. */
  timesOut: boolean;
  /** The visitor takes their ticket here; a ticket that arrives once they left is given back. */
  takesTicket: boolean;
  /** Every phase may change to this one, whatever the visitor is doing. */
  fromAnywhere: boolean;
  /** The phases that may follow this one, besides those reachable from anywhere. */
  next: readonly Phase[];
}

const ROWS = {
  /** Switched on, waiting for the server to say what it knows. */
  starting: {
    resumable: true,
    timesOut: false,
    takesTicket: false,
    fromAnywhere: false,
    next: ['waiting', 'call'],
  },
  /** The server refused the kiosk's credential, or it has none: staff pair it with a code. */
  unenrolled: {
    resumable: false,
    timesOut: false,
    takesTicket: false,
    fromAnywhere: true,
    next: ['starting'],
  },
  /** Another screen opened this kiosk and took its connection: this one waits for staff. */
  replaced: {
    resumable: false,
    timesOut: false,
    takesTicket: false,
    fromAnywhere: true,
    next: ['starting'],
  },
  /** Waiting for the next visitor: every visit ends here, however it ends. */
  attract: {
    resumable: false,
    timesOut: false,
    takesTicket: false,
    fromAnywhere: true,
    next: ['service'],
  },
  service: {
    resumable: false,
    timesOut: true,
    takesTicket: false,
    fromAnywhere: false,
    next: ['consent', 'unavailable'],
  },
  /** The ticket is asked for here, so a reconnect may bring the visitor to it or to its call. */
  consent: {
    resumable: true,
    timesOut: true,
    takesTicket: true,
    fromAnywhere: false,
    next: ['waiting', 'unavailable', 'call'],
  },
  /** Nobody can serve the chosen service now: why, other channels, a call back. */
  unavailable: {
    resumable: false,
    timesOut: true,
    takesTicket: false,
    fromAnywhere: false,
    next: ['callback'],
  },
  callback: {
    resumable: false,
    timesOut: true,
    takesTicket: false,
    fromAnywhere: false,
    next: ['unavailable', 'callbackSent'],
  },
  callbackSent: {
    resumable: false,
    timesOut: false,
    takesTicket: false,
    fromAnywhere: false,
    next: [],
  },
  /** In the queue; a queued visitor never times out. */
  waiting: {
    resumable: true,
    timesOut: false,
    takesTicket: false,
    fromAnywhere: false,
    next: ['call'],
  },
  /** Back to waiting when the officer transfers the visitor or loses their connection. */
  call: {
    resumable: true,
    timesOut: false,
    takesTicket: false,
    fromAnywhere: false,
    next: ['waiting', 'thanks'],
  },
  thanks: {
    resumable: false,
    timesOut: false,
    takesTicket: false,
    fromAnywhere: false,
    next: [],
  },
} as const;

/** Where the visitor is in the journey; the screen on show follows from it alone. */
export type Phase = keyof typeof ROWS;

/** The kiosk's journey: each phase, how it behaves and which phases may follow it. */
export const PHASES: Readonly<Record<Phase, PhaseRow>> = ROWS;

/** Whether the kiosk may go from `from` to `to`; staying on a phase is always allowed. */
export function mayFollow(from: Phase, to: Phase): boolean {
  return from === to || PHASES[to].fromAnywhere || PHASES[from].next.includes(to);
}
