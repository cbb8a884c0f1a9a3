import type { Language } from '@loket/shared';

/** A ticket waiting to be offered. */
export interface QueuedTicket {
  id: string;
  serviceId: string;
  language: Language;
  /** Position key within its service's queue; smaller is served first. */
  queuedAt: number;
}

/** An agent free to take an offer. */
export interface FreeAgent {
  id: string;
  languages: readonly Language[];
  /** When the agent became free; the longest idle is offered first. */
  idleSince: number;
}

/** One ticket offered to one agent. */
export interface Match {
  ticketId: string;
  agentId: string;
}

const byQueue = (a: QueuedTicket, b: QueuedTicket) =>
  a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const byIdle = (a: FreeAgent, b: FreeAgent) =>
  a.idleSince - b.idleSince || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Pairs waiting tickets with free agents: oldest ticket first (one FIFO per service, served in
 * the order tickets joined), each to the longest-idle agent who speaks its language. Every agent
 * and every ticket appears in at most one match.
 */
export function route(tickets: readonly QueuedTicket[], agents: readonly FreeAgent[]): Match[] {
  const free = [...agents].sort(byIdle);
  const matches: Match[] = [];
  for (const ticket of [...tickets].sort(byQueue)) {
    const index = free.findIndex((agent) => agent.languages.includes(ticket.language));
    if (index === -1) continue;
    const [agent] = free.splice(index, 1);
    if (agent) matches.push({ ticketId: ticket.id, agentId: agent.id });
    if (free.length === 0) break;
  }
  return matches;
}

/** Position (1 = next) of each waiting ticket within its own service's queue. */
export function positions(tickets: readonly QueuedTicket[]): Map<string, number> {
  const next = new Map<string, number>();
  const result = new Map<string, number>();
  for (const ticket of [...tickets].sort(byQueue)) {
    const position = (next.get(ticket.serviceId) ?? 0) + 1;
    next.set(ticket.serviceId, position);
    result.set(ticket.id, position);
  }
  return result;
}
