import type {
  AgentSkills,
  AgentView,
  Caption,
  CaptionStatus,
  KioskService,
  OfficeCatalogue,
  OfficeMessage,
  CallEnded,
  CallSignal,
  CallStart,
  ChatMessage,
  ChatReceipt,
  ChatTyping,
  OfferView,
  OfferWithdrawn,
  PreparedPeer,
  PreparedRoom,
  TicketView,
} from '@loket/shared';
import type { LineChanges } from '../store/waiting-line.js';
import type { LineTicket } from '../store/repositories/waiting-line.js';
import type { TicketRow } from '../store/schema.js';
import type { Telemetry } from './telemetry.js';

/** The facts use cases tell the parties they concern; realtime delivers them. */
export interface Notifier {
  ticketUpdated(kioskId: string, ticket: TicketView): void;
  callStarted(kioskId: string, call: CallStart): void;
  /** A peer-to-peer signal for the kiosk of a call. */
  signalToKiosk(kioskId: string, message: CallSignal): void;
  /** A peer-to-peer signal for the officer of a call. */
  signalToAgent(agentId: string, message: CallSignal): void;
  agentUpdated(agent: AgentView): void;
  /** An administrator changed an officer's skills. */
  agentSkills(agentId: string, skills: AgentSkills): void;
  /** The visitor of the agent's offer or call (`ticketId`) linked an earlier visit of today. */
  earlierLinked(agentId: string, ticketId: string): void;
  offerMade(agentId: string, offer: OfferView): void;
  /** The room of the call the agent's ringing offer would start (LiveKit). */
  offerRoom(agentId: string, room: PreparedRoom): void;
  /** The room of the call an officer is being offered the kiosk's ticket for (LiveKit). */
  callPreparing(kioskId: string, room: PreparedRoom): void;
  /** The peer-to-peer call an officer is being offered the kiosk's ticket for: connect to it. */
  callConnecting(kioskId: string, peer: PreparedPeer): void;
  offerWithdrawn(agentId: string, withdrawn: OfferWithdrawn): void;
  callEnded(parties: { kioskId: string; agentId: string }, ended: CallEnded): void;
  /** A desk manager's message for every kiosk of an office. */
  officeMessage(officeId: string, message: OfficeMessage): void;
  /** An administrator changed the office or its services: every kiosk of the office hears. */
  officeChanged(officeId: string, catalogue: OfficeCatalogue): void;
  /** A desk manager's message for one kiosk. */
  kioskMessage(kioskId: string, message: OfficeMessage): void;
  /** A desk manager asks a kiosk to reload its app or to check its devices now. */
  kioskRequest(kioskId: string, request: 'reload' | 'selfTest'): void;
  /** A desk manager took a kiosk out of service or put it back. */
  kioskService(kioskId: string, service: KioskService): void;
  /** Something the office's dashboards show about one kiosk changed (coalesced). */
  kioskChanged(officeId: string, kioskId: string): void;
  /** What an office's dashboards show changed. */
  queueChanged(officeId: string): void;
  /** A session was ended (signed out): every socket opened with it closes. */
  sessionEnded(sessionHash: string): void;
  /** A kiosk was paired anew or revoked: every socket opened with its old credentials closes. */
  kioskCredentialsChanged(kioskId: string): void;
  /** An administrator enrolled, renamed, re-paired or revoked one of the office's kiosks. */
  kioskListChanged(officeId: string): void;
  /** Something of the conversation about a kiosk's ticket, for the kiosk. */
  chatToKiosk(kioskId: string, fact: ChatFact): void;
  /** Something of the conversation with a visitor, for the officer. */
  chatToAgent(agentId: string, fact: ChatFact): void;
  /** A caption of the call, or captions from a provider unavailable, for the kiosk. */
  captionToKiosk(kioskId: string, fact: CaptionFact): void;
  /** A caption of the call, or captions from a provider unavailable, for the officer. */
  captionToAgent(agentId: string, fact: CaptionFact): void;
}

/** What each side of a call is told of its captions. */
export type CaptionFact =
  { kind: 'caption'; caption: Caption } | { kind: 'status'; status: CaptionStatus };

/** What one side of a chat is told: a message, a read receipt, or the other side typing. */
export type ChatFact =
  | { kind: 'message'; message: ChatMessage }
  | { kind: 'read'; receipt: ChatReceipt }
  | { kind: 'typing'; typing: ChatTyping };

type Fact = (notifier: Notifier) => void;
type Measurement = (telemetry: Telemetry) => void;

/**
 * Facts gathered during a transaction and told only after it commits, so nobody hears of a
 * change that was rolled back. A change to an office's queue also asks for its waiting tickets to
 * be matched again once the change is told: whoever moves a ticket or an agent says so once, here,
 * and matching follows.
 */
export class Outbox {
  readonly #facts: Fact[] = [];
  readonly #measurements: Measurement[] = [];
  /** Offices whose dashboards are told; `true` when their tickets are matched again too. */
  readonly #offices = new Map<string, boolean>();
  readonly #line = new Map<string, Map<string, LineTicket | null>>();

  /** Tells `fact` after the commit. */
  add(fact: Fact): void {
    this.#facts.push(fact);
  }

  /** Records `measurement` after the commit: a rolled-back change is never counted. */
  measure(measurement: Measurement): void {
    this.#measurements.push(measurement);
  }

  /**
   * The office's queue changed (a ticket or an agent moved): its dashboards hear of it, and its
   * waiting tickets are matched again.
   */
  queueChanged(officeId: string): void {
    this.#offices.set(officeId, true);
  }

  /**
   * A ticket joined its office's waiting line, changed in it or left it: the line's version moves
   * on as the transaction's last write, and the line this instance holds follows the commit.
   */
  lineChanged(ticket: TicketRow): void {
    let office = this.#line.get(ticket.office_id);
    if (!office) {
      office = new Map();
      this.#line.set(ticket.office_id, office);
    }
    const { id, priority, queued_at, service_id, language, needs, assigned_agent_id } = ticket;
    office.set(
      id,
      ticket.status === 'waiting'
        ? { id, priority, queued_at, service_id, language, needs, assigned_agent_id }
        : null,
    );
  }

  /** What `lineChanged` was told, per office. */
  get lineChanges(): LineChanges {
    return this.#line;
  }

  /** Only what the office's dashboards count changed (e.g. call-backs): nothing to match. */
  figuresChanged(officeId: string): void {
    if (!this.#offices.has(officeId)) this.#offices.set(officeId, false);
  }

  /**
   * Tells every fact, then what changed to the dashboards, then asks `rematch` (when given) to
   * match each office whose queue changed; records the measurements last, so that nothing a
   * measurement does can keep the parties from hearing.
   */
  flush(notifier: Notifier, telemetry: Telemetry, rematch?: (officeId: string) => void): void {
    for (const fact of this.#facts.splice(0)) fact(notifier);
    for (const [officeId, changed] of this.#offices) {
      notifier.queueChanged(officeId);
      if (changed) rematch?.(officeId);
    }
    this.#offices.clear();
    for (const measurement of this.#measurements.splice(0)) measurement(telemetry);
  }
}
