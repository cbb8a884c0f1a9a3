import {
  canServe,
  queueOrder,
  type AgentSkills,
  type QueuedTicket,
  type RoutingPolicy,
} from './routing.js';

/** A wait estimate shown as a range, in milliseconds. */
export interface WaitRange {
  minMs: number;
  maxMs: number;
}

/** Handle time assumed for a service before any call has been measured. */
export const DEFAULT_HANDLE_MS = 5 * 60 * 1000;

const MINUTE = 60_000;

/** The moving average of handle time after one more call; recent calls weigh a fifth. */
export function nextHandleAverage(
  previousMs: number | null,
  sampleMs: number,
  weight = 0.2,
): number {
  if (previousMs === null) return sampleMs;
  return Math.round(previousMs + weight * (sampleMs - previousMs));
}

/**
 * The wait of a ticket with `ahead` tickets before it that compete for the same `agents`
 * signed-in agents, each call taking `handleMs` on average. The range widens a quarter either
 * way and is rounded to whole minutes, because an exact-looking number would be a false promise.
 * Null when nobody who could serve the ticket is signed in.
 */
export function waitRange(ahead: number, agents: number, handleMs: number): WaitRange | null {
  if (agents <= 0) return null;
  const perTicket = handleMs / agents;
  const low = Math.floor((ahead * perTicket * 0.75) / MINUTE) * MINUTE;
  const high = Math.ceil(((ahead + 1) * perTicket * 1.25) / MINUTE) * MINUTE;
  return { minMs: low, maxMs: Math.max(high, low + MINUTE) };
}

/** An agent who is signed in (not offline, not away) with their skills. */
export type ServingAgent = AgentSkills & { id: string };

/** Tickets that need the same skills compete for exactly the same agents. */
const skillKey = (t: QueuedTicket) =>
  `${[...t.requires].sort().join(' ')}|${t.assignedAgentId ?? ''}`;

/**
 * Wait ranges of every waiting ticket: for each, the tickets ahead in serving order that share at
 * least one agent who could serve both, over the number of signed-in agents who could serve it.
 * Tickets are grouped by the skills they need, so the work grows with tickets × skill groups,
 * not tickets squared.
 */
export function estimateWaits(
  tickets: readonly QueuedTicket[],
  agents: readonly ServingAgent[],
  handleMsByService: ReadonlyMap<string, number>,
  policy?: RoutingPolicy,
): Map<string, WaitRange | null> {
  const ordered = queueOrder(tickets, policy);
  const groups = new Map<string, { index: number; eligible: Set<string> }>();
  const groupOf = ordered.map((ticket) => {
    const key = skillKey(ticket);
    let group = groups.get(key);
    if (!group) {
      const eligible = new Set(agents.filter((a) => canServe(a, ticket)).map((a) => a.id));
      group = { index: groups.size, eligible };
      groups.set(key, group);
    }
    return group;
  });
  const list = [...groups.values()];
  const shares = list.map((g) => list.map((h) => [...g.eligible].some((id) => h.eligible.has(id))));
  const seen = new Array<number>(list.length).fill(0);
  const result = new Map<string, WaitRange | null>();
  for (const [place, ticket] of ordered.entries()) {
    const group = groupOf[place]!;
    let ahead = 0;
    for (let other = 0; other < list.length; other++) {
      if (seen[other] && shares[group.index]![other]) ahead += seen[other]!;
    }
    const handle = handleMsByService.get(ticket.serviceId) ?? DEFAULT_HANDLE_MS;
    result.set(ticket.id, waitRange(ahead, group.eligible.size, handle));
    seen[group.index]!++;
  }
  return result;
}
