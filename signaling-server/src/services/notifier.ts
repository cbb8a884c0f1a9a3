import type {
  AgentView,
  CallEnded,
  CallSignal,
  CallStart,
  OfferView,
  OfferWithdrawn,
  PreparedRoom,
  TicketView,
} from '@loket/shared';

/** The facts services tell the parties they concern; realtime delivers them. */
export interface Notifier {
  ticketUpdated(kioskId: string, ticket: TicketView): void;
  callStarted(kioskId: string, call: CallStart): void;
  /** A peer-to-peer signal from the officer to the kiosk of a call. */
  signalToKiosk(kioskId: string, message: CallSignal): void;
  agentUpdated(agent: AgentView): void;
  offerMade(agentId: string, offer: OfferView): void;
  /** The room of the call the agent's ringing offer would start (LiveKit). */
  offerRoom(agentId: string, room: PreparedRoom): void;
  /** The room of the call an officer is being offered the kiosk's ticket for (LiveKit). */
  callPreparing(kioskId: string, room: PreparedRoom): void;
  offerWithdrawn(agentId: string, withdrawn: OfferWithdrawn): void;
  callEnded(parties: { kioskId: string; agentId: string }, ended: CallEnded): void;
  queueChanged(officeId: string): void;
}

type Fact = (notifier: Notifier) => void;

/**
 * Facts gathered during a transaction and told only after it commits, so nobody hears of a
 * change that was rolled back.
 */
export class Outbox {
  readonly #facts: Fact[] = [];

  add(fact: Fact): void {
    this.#facts.push(fact);
  }

  flush(notifier: Notifier): void {
    for (const fact of this.#facts.splice(0)) fact(notifier);
  }
}
