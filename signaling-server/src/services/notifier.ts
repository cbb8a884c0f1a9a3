import type {
  AgentView,
  CallEnded,
  CallStart,
  OfferView,
  OfferWithdrawn,
  TicketView,
} from '@loket/shared';

/** The facts services tell the parties they concern; realtime delivers them. */
export interface Notifier {
  ticketUpdated(kioskId: string, ticket: TicketView): void;
  callStarted(kioskId: string, call: CallStart): void;
  agentUpdated(agent: AgentView): void;
  offerMade(agentId: string, offer: OfferView): void;
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
