import type { AgentStatus, TicketStatus } from '@loket/shared';
import { agentTransition } from './agent-machine.js';
import { ticketTransition } from './ticket-machine.js';

/** Offers an agent may miss in a row before being set away. */
export const MISSES_BEFORE_AWAY = 2;

/**
 * Whether a move brings the officer back to work, so offers missed before no longer count
 * towards sending them away: becoming available from anywhere but a ringing offer. After a miss
 * (or a withdrawn offer) the count stands; an answered offer clears it by itself.
 */
export function clearsMissedOffers(from: AgentStatus, to: AgentStatus): boolean {
  return to === 'available' && from !== 'available' && from !== 'offered';
}

/** The ticket whose offer rang, as the expiry decision sees it. */
export interface RingingTicket {
  id: string;
  status: TicketStatus;
  /** Position key within its queue; smaller is served first. */
  queuedAt: number;
  offeredAgentId: string | null;
  offerExpiresAt: number | null;
}

/** The agent the offer rang for. */
export interface RungAgent {
  id: string;
  status: AgentStatus;
  /** Offers missed in a row before this one. */
  missedOffers: number;
}

/** What an expired offer does to its ticket and its agent, or why it does nothing. */
export type OfferExpiry =
  | {
      ok: true;
      ticket: {
        status: TicketStatus;
        /** Unchanged: the ticket waits again ahead of every ticket that joined after it. */
        queuedAt: number;
        offeredAgentId: null;
        offerExpiresAt: null;
        updatedAt: number;
      };
      agent: {
        event: 'miss' | 'missAgain';
        status: AgentStatus;
        /** Offers missed in a row, this one included. */
        missedOffers: number;
        /** The agent's idle time starts again now, so they come last among free agents. */
        idleFromNow: boolean;
      };
    }
  | { ok: false; reason: 'not_offered' | 'other_agent' | 'not_due' | 'agent_not_ringing' };

/**
 * Decides what an unanswered offer does once its time ran out at `now`: the ticket goes back to
 * waiting at the head of its queue (it keeps `queuedAt`), and the agent counts a miss. One miss
 * leaves the agent available, last in line; missing `MISSES_BEFORE_AWAY` in a row sends them
 * away, so the queue stops waiting on an empty desk.
 */
export function offerExpiry(ticket: RingingTicket, agent: RungAgent, now: number): OfferExpiry {
  const ticketMove = ticketTransition(ticket.status, 'return');
  if (!ticketMove.ok) return { ok: false, reason: 'not_offered' };
  if (ticket.offeredAgentId !== agent.id) return { ok: false, reason: 'other_agent' };
  if (ticket.offerExpiresAt === null || now < ticket.offerExpiresAt) {
    return { ok: false, reason: 'not_due' };
  }
  const missedOffers = agent.missedOffers + 1;
  const event = missedOffers >= MISSES_BEFORE_AWAY ? 'missAgain' : 'miss';
  const agentMove = agentTransition(agent.status, event);
  if (!agentMove.ok) return { ok: false, reason: 'agent_not_ringing' };
  return {
    ok: true,
    ticket: {
      status: ticketMove.next,
      queuedAt: ticket.queuedAt,
      offeredAgentId: null,
      offerExpiresAt: null,
      updatedAt: now,
    },
    agent: {
      event,
      status: agentMove.next,
      missedOffers,
      idleFromNow: agentMove.next === 'available',
    },
  };
}
