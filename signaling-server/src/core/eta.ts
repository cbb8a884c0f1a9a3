import { canServe, queueOrder, type AgentSkills, type QueuedTicket, type RoutingPolicy } from './routing.js';

/** A wait estimate shown as a range, in milliseconds. */
export interface WaitRange {
  minMs: number;
  maxMs: number;
}

/** Handle time assumed for a service before any call has been measured. */
export const DEFAULT_HANDLE_MS = 5 * 60 * 1000;

const MINUTE = 60_000;

/** The moving average of handle time after one more call; recent calls weigh a fifth. */
export function nextHandleAverage(previousMs: number | null, sampleMs: number, weight = 0.2): number {
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

/**
 * Wait ranges of every waiting ticket: for each, the tickets ahead in serving order that share at
 * least one agent who could serve both, over the number of signed-in agents who could serve it.
 */
export function estimateWaits(
  tickets: readonly QueuedTicket[],
  agents: readonly ServingAgent[],
  handleMsByService: ReadonlyMap<string, number>,
  policy?: RoutingPolicy,
): Map<string, WaitRange | null> {
  const ordered = queueOrder(tickets, policy);
  const eligible = new Map(
    ordered.map((t) => [t.id, new Set(agents.filter((a) => canServe(a, t)).map((a) => a.id))]),
  );
  const result = new Map<string, WaitRange | null>();
  ordered.forEach((ticket, index) => {
    const mine = eligible.get(ticket.id) ?? new Set<string>();
    let ahead = 0;
    for (const before of ordered.slice(0, index)) {
      const theirs = eligible.get(before.id);
      if (theirs && [...theirs].some((id) => mine.has(id))) ahead++;
    }
    const handle = handleMsByService.get(ticket.serviceId) ?? DEFAULT_HANDLE_MS;
    result.set(ticket.id, waitRange(ahead, mine.size, handle));
  });
  return result;
}
