import type {
  Availability,
  CallStart,
  ClientErrorCode,
  Id,
  Language,
  Need,
  OfficeMessage,
  OfficeView,
  ServiceView,
  TicketView,
} from '@loket/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { mayFollow, type Phase } from './phases';

/** An error the kiosk can show: a server code, no answer in time, or an answer it cannot read. */
export type KioskErrorCode = ClientErrorCode;

/** Why a visitor was sent back to the attract screen without choosing to be. */
export type Notice =
  | 'cancelled'
  | 'abandoned'
  | 'ended'
  /** The officer moved the visitor to another service or officer; they wait at the front. */
  | 'transferred'
  /** The officer's connection was lost; the visitor waits at the front for the next one. */
  | 'officerLost';

/** The state of the kiosk's link to the server. */
export type Connection = 'connecting' | 'online' | 'offline';

/** Text size, contrast and reach a visitor may switch for their own visit. */
export interface DisplaySettings {
  language: Language;
  textSize: 'normal' | 'large';
  contrast: 'normal' | 'high';
  /** `low` puts every screen's controls in the lower part of a tall screen, for a seated visitor. */
  reach: 'standard' | 'low';
}

/** What the visitor declared for their ticket (sign language, priority service…). */
export interface VisitorNeeds {
  needs: Need[];
}

/**
 * Why nobody can serve the chosen service now (`busy`: the server takes no new ticket for a
 * while), and when to try again if that is known.
 */
export interface Unavailable {
  reason: NonNullable<Availability['reason']> | 'busy';
  /** Next opening, or when a busy server takes tickets again, in epoch ms, when known. */
  nextOpening: number | null;
}

/** Everything the kiosk screens show. Sockets, streams and peer connections live in `lib/`. */
export interface KioskState extends DisplaySettings, VisitorNeeds {
  phase: Phase;
  /** Whether the socket is connected; `connecting` until the first attempt succeeds or fails. */
  connection: Connection;
  office: OfficeView | null;
  services: ServiceView[];
  serviceId: Id | null;
  /** Idempotency key of the ticket request, kept so a retry cannot create a second ticket. */
  clientId: string | null;
  ticket: TicketView | null;
  call: CallStart | null;
  /** A command is on its way to the server. */
  busy: boolean;
  error: KioskErrorCode | null;
  notice: Notice | null;
  /** Set while the `unavailable` screen (and the call-back form behind it) is on show. */
  unavailable: Unavailable | null;
  /** The call-back number as the server stored it, for the confirmation screen. */
  callbackPhone: string | null;
  /** The ticket of the visit just served, which the survey on the thank-you screen is about. */
  surveyTicketId: Id | null;
  /** The secret of the served visit's summary link, for the thank-you screen's QR code. */
  summaryToken: string | null;
  /**
   * The needs (sign language…) an officer on duty can serve, from the last availability answer;
   * null before the first.
   */
  onDuty: Need[] | null;
  /** The desk manager's latest message for the office's kiosks, shown on every screen. */
  officeMessage: OfficeMessage | null;
  /** False while a manager has the kiosk out of service: no new visit starts. */
  inService: boolean;
  /** Calls may be captioned by the browser, whose recognition sends audio out of the office. */
  speechLeavesOffice: boolean;
  /** Whether audio guidance reads the screens aloud; off for every new visitor. */
  speech: boolean;
}

/** Display settings every visitor starts with. */
export const DEFAULT_SETTINGS: DisplaySettings = {
  language: 'id',
  textSize: 'normal',
  contrast: 'normal',
  reach: 'standard',
};

/** The part of the state that belongs to one visitor and is wiped when they are done. */
export const EMPTY_VISIT = {
  ...DEFAULT_SETTINGS,
  needs: [],
  serviceId: null,
  clientId: null,
  ticket: null,
  call: null,
  busy: false,
  error: null,
  unavailable: null,
  callbackPhone: null,
  surveyTicketId: null,
  summaryToken: null,
  speech: false,
} satisfies Partial<KioskState>;

/** The state of a kiosk that has just been switched on. */
export function initialState(): KioskState {
  return {
    ...EMPTY_VISIT,
    phase: 'starting',
    connection: 'connecting',
    office: null,
    services: [],
    notice: null,
    onDuty: null,
    officeMessage: null,
    inService: true,
    speechLeavesOffice: false,
  };
}

/** The kiosk's one store. Actions in this folder change it; screens read it through `useKiosk`. */
export const kioskStore = createStore<KioskState>()(initialState);

/**
 * Moves the kiosk to `phase` with `change`, if the journey's table lets it follow the phase on
 * show. A move the table does not allow is a bug: it is refused, leaving the state as it was,
 * and reported so that a test sees it.
 */
export function changePhase(phase: Phase, change: Partial<Omit<KioskState, 'phase'>> = {}): void {
  const from = kioskStore.getState().phase;
  if (!mayFollow(from, phase)) {
    console.error(`kiosk: refused to change phase from ${from} to ${phase}`);
    return;
  }
  kioskStore.setState({ ...change, phase });
}

/** Reads a slice of the kiosk state and re-renders when it changes. */
export function useKiosk<T>(selector: (state: KioskState) => T): T {
  return useStore(kioskStore, selector);
}
